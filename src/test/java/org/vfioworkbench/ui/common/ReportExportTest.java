package org.vfioworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.report.ReportFormat;
import org.vfioworkbench.engine.report.ResultText;
import org.vfioworkbench.scenario.ScenarioLoader;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/** File › Export report writes the review report of what the workbench shows. */
@ExtendWith(ApplicationExtension.class)
class ReportExportTest extends FxTestBase {

  private static final Path S19 = Path.of("sample-topologies/s19-seed-cdev-and-type1-group.json");

  @TempDir Path dir;

  private WorkbenchState state;

  @Start
  void start(Stage stage) throws Exception {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open(Document.of("s19", ScenarioLoader.load(S19), S19));
  }

  @Test
  void exportedSeedReportHasInfoRepliesBothNaturalResetsAndTheDecidingStep(FxRobot robot)
      throws Exception {
    Path out = dir.resolve("seed.md");
    boolean[] written = new boolean[1];
    robot.interact(
        () -> {
          try {
            written[0] = ReportExport.write(state, out, ReportExport.formatFor(out));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    assertThat(written[0]).isTrue();
    String text = Files.readString(out);
    assertThat(text).startsWith("# Hot reset review: ");
    var verdicts = DeviceVerdict.all(state.results().analysis());
    assertThat(verdicts).hasSize(2);
    for (DeviceVerdict v : verdicts) {
      // the INFO reply, with its entries
      assertThat(text).contains(ResultText.infoSummary(v.info()));
      ResultText.entries(v.info()).forEach(e -> assertThat(text).contains(e));
      // the natural reset and its errno
      assertThat(v.reset().succeeded()).isFalse();
      assertThat(text).contains("\u2192 " + v.reset().errno().orElseThrow().negated());
      // the decisive step
      String step = ResultText.decidingStep(v.reset());
      assertThat(step).startsWith("vfio_pci_dev_set_hot_reset: ");
      assertThat(text).contains(step);
    }
    assertThat(text)
        .contains("0, DEV_ID mode, flags 0x1 DEV_ID (DEV_ID_OWNED clear), count 2")
        .contains("0, group-id mode, flags 0x0, count 2");
  }

  @Test
  void plainTextForOtherNamesAndTheCompareProfileIsReported(FxRobot robot) throws Exception {
    Path out = dir.resolve("seed.txt");
    robot.interact(() -> state.compareProfileProperty().set(Profile.LINUX_6_6));
    robot.interact(
        () -> {
          try {
            ReportExport.write(state, out, ReportExport.formatFor(out));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    assertThat(ReportExport.formatFor(out)).isEqualTo(ReportFormat.TEXT);
    assertThat(Files.readString(out))
        .startsWith("Scenario  ")
        .contains("Profile differences, linux-6.10 vs linux-6.6:");
  }
}
