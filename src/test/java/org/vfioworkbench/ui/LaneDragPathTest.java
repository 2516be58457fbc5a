package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.TopologyGraphView;
import org.vfioworkbench.ui.graph.skin.LaneSkin;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * The benchmarks' drag goes where a user's would: from a chip on screen to a holder's lane on
 * screen, never to a sample in the legend (which wears the lanes' style class), and to a lane where
 * the drop is allowed, so that there is an edit to undo.
 */
@ExtendWith(ApplicationExtension.class)
class LaneDragPathTest extends FxTestBase {

  @TempDir static Path config;

  private WorkbenchWindow window;

  @Start
  void start(Stage stage) {
    window = new WorkbenchWindow(stage, config, TaskExecutor.currentThread());
    window.state().open("seed", BuiltInSamples.seedCase(), null);
    stage.setWidth(1400);
    stage.setHeight(900);
    stage.show();
    window.fitGraph();
  }

  @Test
  void dragsFromAChipOnScreenToALaneOnScreenNotToTheLegend(FxRobot robot) throws Exception {
    robot.interact(
        () -> ((ToggleButton) window.scene().lookup("#graph-legend-toggle")).setSelected(true));
    WaitForAsyncUtils.waitForFxEvents();
    TopologyGraphView graph = (TopologyGraphView) window.scene().lookup(".graph-view");
    Node legend = window.scene().lookup("#graph-legend");
    assertThat(legend.isVisible()).isTrue();

    LaneDragPath path =
        LaneDragPath.bringIntoView(
            graph,
            new LaneDragPath.OnFx() {
              @Override
              public <T> T call(java.util.concurrent.Callable<T> c) throws Exception {
                return WaitForAsyncUtils.asyncFx(c).get();
              }
            },
            "the seed");

    assertThat(path.lane()).isInstanceOf(LaneSkin.class);
    assertThat(isInside(path.lane(), legend)).isFalse();
    assertThat(isInside(path.lane(), graph.content())).isTrue();
    Bounds screen =
        WaitForAsyncUtils.asyncFx(() -> graph.localToScene(graph.getLayoutBounds())).get();
    assertThat(screen.contains(path.from().getCenterX(), path.from().getCenterY())).isTrue();
    assertThat(screen.contains(path.to().getCenterX(), path.to().getCenterY())).isTrue();
    assertThat(path.allowed()).isTrue();
    assertThat(graph.viewModel().draggedProperty().get()).isNull();
  }

  private static boolean isInside(Node n, Node ancestor) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }
}
