package org.vfioworkbench.ui.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.ui.CssAfterLayout;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * New rows in the Reset outcomes table (after an edit, an undo, a compare profile) are styled in
 * the pulse that lays them out: no node is left needing CSS after that pulse's layout, which would
 * make JavaFX run one more pulse that repaints the whole window. Laid out before the CSS pass, the
 * cells still end that pulse with the colours of their outcomes.
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
    scene.getStylesheets().add(outcomeRules());
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void rowsThatChangeAreStyledInThePulseThatLaysThemOut(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    CssAfterLayout[] watch = new CssAfterLayout[1];
    robot.interact(
        () ->
            watch[0] =
                CssAfterLayout.on(
                    scene, () -> String.valueOf(state.compareProfileProperty().get())));
    String before = vm.rows().get(0).cell(ResetVariant.Kind.EMPTY_ARRAY).text();
    for (int round = 0; round < 3; round++) {
      robot.interact(() -> state.compareProfileProperty().set(Profile.REVIEW_DEVICE_FD_PROOF));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> state.compareProfileProperty().set(null));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> state.open("seed", BuiltInSamples.seedCase(), null));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> state.open("ws", BuiltInSamples.workstation(), null));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> state.compareProfileProperty().set(Profile.REVIEW_DEVICE_FD_PROOF));
      WaitForAsyncUtils.waitForFxEvents();
      assertCellsStyledAsTheirOutcomes();
    }
    assertThat(vm.rows().get(0).cell(ResetVariant.Kind.EMPTY_ARRAY).text()).isEqualTo(before);
    assertThat(watch[0].seen()).as("changes that left CSS to do after layout").isEmpty();
  }

  /**
   * The workbench style sheet's outcome rules alone, as a style sheet: the rest of it names the
   * theme's colours, which this scene does not load.
   */
  private static String outcomeRules() {
    try (InputStream in =
        ResetOutcomesView.class.getResourceAsStream("/org/vfioworkbench/ui/workbench.css")) {
      String rules =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> l.startsWith(".outcome-"))
              .collect(Collectors.joining("\n"));
      assertThat(rules).contains(".outcome-ok", ".outcome-fail", ".outcome-changed");
      return "data:text/css;base64,"
          + Base64.getEncoder().encodeToString(rules.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every outcome cell shown has the colours of its outcome: its new classes were styled. */
  private void assertCellsStyledAsTheirOutcomes() {
    int ok = 0;
    int failed = 0;
    int changed = 0;
    for (Node n : scene.getRoot().lookupAll(".table-cell")) {
      if (!(n instanceof TableCell<?, ?> c) || !(c.getItem() instanceof OutcomeCell o)) {
        continue;
      }
      Color fill = (Color) c.getTextFill();
      if (o.succeeded()) {
        assertThat(fill).as(o.text()).isEqualTo(Color.web("#15803d"));
        ok++;
      } else if (!OutcomeCell.SAME_AS_EMPTY.equals(o.label())) {
        assertThat(fill).as(o.text()).isEqualTo(Color.web("#b91c1c"));
        failed++;
      }
      boolean shaded =
          c.getBackground() != null
              && c.getBackground().getFills().stream()
                  .anyMatch(f -> Color.web("#ffedd5").equals(f.getFill()));
      assertThat(shaded).as(o.text() + " shaded as changed").isEqualTo(o.changed());
      changed += o.changed() ? 1 : 0;
    }
    assertThat(List.of(ok, failed, changed))
        .as("cells shown that succeed, fail, and change under the compare profile")
        .allMatch(k -> k > 0);
  }
}
