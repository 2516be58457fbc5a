package org.vfioworkbench.ui.graph;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * The topology graph alone in a 1200×800 window, over a workbench state that works everything out
 * on the FX thread (nothing open yet): the graph view's tests' stage.
 */
record GraphWindow(WorkbenchState state, TopologyGraphView graph) {

  static GraphWindow show(Stage stage) {
    WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());
    TopologyGraphView graph = new TopologyGraphView(new TopologyGraphViewModel(state));
    stage.setScene(new Scene(graph, 1200, 800));
    stage.show();
    return new GraphWindow(state, graph);
  }
}
