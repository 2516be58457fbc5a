package org.vfioworkbench.ui.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.ui.CssAfterLayout;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * New rows in the Reset outcomes table (after an edit, an undo, a compare profile) are styled in
 * the pulse that lays them out: no node is left needing CSS after that pulse's layout, which would
 * make JavaFX run one more pulse that repaints the whole window.
 */
@ExtendWith(ApplicationExtension.class)
class ResetOutcomesRepaintTest extends FxTestBase {

  private WorkbenchState state;
  private ResetOutcomesViewModel vm;
  private Scene scene;

  @Start
  void start(Stage stage) {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("ws", BuiltInSamples.workstation(), null);
    vm = new ResetOutcomesViewModel(state);
    scene = new Scene(new ResetOutcomesView(vm), 900, 300);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void rowsThatChangeAreStyledInThePulseThatLaysThemOut(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    CssAfterLayout[] watch = new CssAfterLayout[1];
    robot.interact(
        () -> {
          try {
            watch[0] =
                CssAfterLayout.on(
                    scene, () -> String.valueOf(state.compareProfileProperty().get()));
          } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
          }
        });
    String before =
        vm.rows().get(0).cell(org.vfioworkbench.engine.ResetVariant.Kind.EMPTY_ARRAY).text();
    for (int round = 0; round < 3; round++) {
      robot.interact(() -> state.compareProfileProperty().set(Profile.REVIEW_DEVICE_FD_PROOF));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> state.compareProfileProperty().set(null));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> state.open("seed", BuiltInSamples.seedCase(), null));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> state.open("ws", BuiltInSamples.workstation(), null));
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(vm.rows().get(0).cell(org.vfioworkbench.engine.ResetVariant.Kind.EMPTY_ARRAY).text())
        .isEqualTo(before);
    assertThat(watch[0].seen()).as("changes that left CSS to do after layout").isEmpty();
  }
}
