package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * The "Why not, and how to fix it" view on s19, driven with the mouse: it offers moving fn1 into
 * iommufd A, Apply makes qemu-cdev's reset succeed, and Ctrl+Z brings the failure back.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchExplainTest extends FxTestBase {

  @TempDir static Path config;

  private static final FdRef CDEV_CALLER = new FdRef("qemu-cdev", 4);

  private WorkbenchWindow window;

  @Start
  void start(Stage stage) {
    window = new WorkbenchWindow(stage, config, TaskExecutor.currentThread());
    window.openFile(Path.of("sample-topologies/s19-seed-cdev-and-type1-group.json"));
    stage.setWidth(1400);
    stage.setHeight(900);
    stage.show();
    window.showView(ViewId.EXPLAIN);
  }

  @Test
  void applyingTheOfferedMoveMakesTheResetSucceedAndUndoRestoresTheFailure(FxRobot robot) {
    robot.interact(
        () -> window.state().select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0"))));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(remedyTitles(robot)).contains("1. move 0000:02:00.1 into iommufd A");
    assertThat(text(robot, "#explain-verdict")).endsWith("-EINVAL");
    assertThat(naturalReset().succeeded()).isFalse();

    robot.clickOn("#explain-apply-1");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(naturalReset().succeeded()).isTrue();
    assertThat(window.state().commands().undoLabelProperty().get())
        .contains("move 0000:02:00.1 into iommufd A");
    assertThat(window.stage().getTitle()).startsWith("*");

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(naturalReset().succeeded()).isFalse();
    assertThat(naturalReset().retLabel()).startsWith("-EINVAL");
    robot.interact(
        () -> window.state().select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0"))));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(remedyTitles(robot)).contains("1. move 0000:02:00.1 into iommufd A");
    assertThat(robot.lookup("#explain-apply-1").queryAs(Button.class).isDisabled()).isFalse();
  }

  private ResetResult naturalReset() {
    Analysis a = window.state().results().analysis();
    return a.hotReset(CDEV_CALLER, a.naturalReset(CDEV_CALLER).request());
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  private static java.util.List<String> remedyTitles(FxRobot robot) {
    return robot.lookup("#explain-remedies").lookup(".label").queryAllAs(Label.class).stream()
        .map(Label::getText)
        .toList();
  }
}
