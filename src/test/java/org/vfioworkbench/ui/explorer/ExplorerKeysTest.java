package org.vfioworkbench.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.TopologyGraphViewModel;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/** The Explorer collapses, expands and reveals the graph's subtrees from the keyboard. */
@ExtendWith(ApplicationExtension.class)
class ExplorerKeysTest extends FxTestBase {

  private static final Bdf ROOT_PORT = Bdf.parse("0000:00:1c.0");
  private static final Bdf FN0 = Bdf.parse("0000:02:00.0");

  private WorkbenchState state;
  private TopologyGraphViewModel graph;
  private ExplorerView view;

  @Start
  void start(Stage stage) {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("seed", BuiltInSamples.seedCase(), null);
    graph = new TopologyGraphViewModel(state);
    view =
        new ExplorerView(
            new ExplorerViewModel(
                state,
                new GraphSubtrees() {
                  @Override
                  public boolean isCollapsed(Bdf bridge) {
                    return graph.isCollapsed(bridge);
                  }

                  @Override
                  public void setCollapsed(Bdf bridge, boolean on) {
                    graph.setCollapsed(bridge, on);
                  }

                  @Override
                  public void reveal(Bdf bdf) {
                    graph.reveal(bdf);
                  }
                }));
    stage.setScene(new Scene(view, 400, 600));
    stage.show();
  }

  @Test
  void leftAndMinusCollapseABridgesSubtreeInTheGraphRightAndPlusExpandItEnterRevealsARow(
      FxRobot robot) {
    robot.interact(() -> state.select(new ElementRef.FunctionRef(ROOT_PORT)));
    TreeView<?> tree = robot.lookup(".tree-view").queryAs(TreeView.class);
    robot.clickOn(tree);
    robot.interact(() -> state.select(new ElementRef.FunctionRef(ROOT_PORT)));
    assertThat(selectedLabel(tree)).startsWith("00:1c.0");

    robot.type(KeyCode.LEFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.isCollapsed(ROOT_PORT)).as("Left collapses in the graph").isTrue();
    assertThat(graph.modelProperty().get().function(FN0)).isEmpty();
    robot.type(KeyCode.RIGHT);
    assertThat(graph.isCollapsed(ROOT_PORT)).as("Right expands").isFalse();
    assertThat(graph.modelProperty().get().function(FN0)).isPresent();
    robot.type(KeyCode.SUBTRACT);
    assertThat(graph.isCollapsed(ROOT_PORT)).as("- collapses").isTrue();
    robot.type(KeyCode.ADD);
    assertThat(graph.isCollapsed(ROOT_PORT)).as("+ expands").isFalse();
    assertThat(state.commands().undoLabelProperty().get()).as("view state, not an edit").isEmpty();

    // Enter on a row whose function the graph hides (inside a collapsed subtree) reveals it.
    robot.interact(() -> graph.setCollapsed(ROOT_PORT, true));
    robot.interact(() -> state.select(new ElementRef.HolderRef("qemu-vm1")));
    robot.interact(
        () -> {
          TreeItem<?> fn0 = ExplorerRows.find(tree.getRoot(), "02:00.0");
          ((TreeView) tree).getSelectionModel().select(fn0);
        });
    robot.interact(() -> graph.setCollapsed(ROOT_PORT, true));
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.isCollapsed(ROOT_PORT)).as("Enter reveals").isFalse();
    assertThat(state.selectionProperty().get()).isEqualTo(new ElementRef.FunctionRef(FN0));
  }

  private static String selectedLabel(TreeView<?> tree) {
    return ((TreeEntry) tree.getSelectionModel().getSelectedItem().getValue()).label();
  }
}
