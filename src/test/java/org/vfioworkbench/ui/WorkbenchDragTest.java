package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.TopologyGraphView;
import org.vfioworkbench.ui.graph.skin.LaneSkin;
import org.vfioworkbench.ui.outcomes.OutcomeRow;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.task.TaskExecutor;

/** The seed case, driven with the mouse: drag fn1 from the group lane to the cdev lane. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchDragTest extends FxTestBase {

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
  void draggingFn1ToTheCdevLaneMakesFn0OwnedAndUndoRestoresIt(FxRobot robot) {
    selectFn0(robot);
    assertThat(flags(robot)).isEqualTo("0x1 (DEV_ID)");
    assertThat(emptyArrayOnFn0(robot)).isEqualTo("-EINVAL");

    Node fn1DeviceFd = byId(robot, "fd-qemu-vm1-7");
    Node cdevLane = byId(robot, "cdev-lane-qemu-vm1");
    robot.drag(fn1DeviceFd, MouseButton.PRIMARY).moveTo(cdevLane).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();

    selectFn0(robot);
    assertThat(flags(robot)).isEqualTo("0x3 (DEV_ID | DEV_ID_OWNED)");
    assertThat(emptyArrayOnFn0(robot)).isEqualTo("\u2714");
    assertThat(robot.window(0).getScene().getWindow()).isNotNull();
    assertThat(((Stage) robot.window(0)).getTitle()).startsWith("*");

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    selectFn0(robot);
    assertThat(flags(robot)).isEqualTo("0x1 (DEV_ID)");
    assertThat(emptyArrayOnFn0(robot)).isEqualTo("-EINVAL");
    assertThat(byId(robot, "fd-qemu-vm1-7")).isNotNull();
  }

  /**
   * The benchmarks' drag goes where a user's would: from a chip on screen to a holder's lane on
   * screen, never to a sample in the legend (which wears the lanes' style class), and to a lane
   * where the drop is allowed, so that there is an edit to undo.
   */
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

  private void selectFn0(FxRobot robot) {
    robot.interact(
        () -> window.state().select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0"))));
  }

  private static String flags(FxRobot robot) {
    return robot.lookup("#info-flags").queryAs(Label.class).getText();
  }

  @SuppressWarnings("unchecked")
  private static String emptyArrayOnFn0(FxRobot robot) {
    TableView<OutcomeRow> t = robot.lookup("#reset-outcomes").queryAs(TableView.class);
    return t.getItems().stream()
        .filter(r -> r.device().equals("02:00.0"))
        .findFirst()
        .orElseThrow()
        .cell(ResetVariant.Kind.EMPTY_ARRAY)
        .label();
  }

  private static Node byId(FxRobot robot, String id) {
    return robot.lookup(n -> id.equals(org.vfioworkbench.ui.graph.skin.SkinName.of(n))).query();
  }
}
