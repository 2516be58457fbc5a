package org.vfioworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.report.ReportFormat;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.scenario.ScenarioLoader;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.info.InfoViewModel;
import org.vfioworkbench.ui.outcomes.ResetOutcomesViewModel;
import org.vfioworkbench.ui.problems.ProblemsViewModel;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;
import org.vfioworkbench.ui.trace.TraceViewModel;

/** What each view copies is, line for line, what the exported report says for that part. */
class CopyMatchesReportTest {

  private static final Path S19 = Path.of("sample-topologies/s19-seed-cdev-and-type1-group.json");

  private WorkbenchState state;
  private String report;

  @BeforeEach
  void open() throws Exception {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open(Document.of("s19", ScenarioLoader.load(S19), S19));
    report = ReportExport.report(state).orElseThrow().render(ReportFormat.TEXT);
  }

  private void assertInReport(String copied) {
    assertThat(copied).isNotBlank();
    copied.lines().forEach(l -> assertThat(report).as("copied line").contains(l));
  }

  @Test
  void infoReply() {
    InfoViewModel vm = new InfoViewModel(state);
    for (FdRef fd : state.results().analysis().deviceFds()) {
      state.select(new ElementRef.FileRef(fd));
      assertThat(vm.copyText()).startsWith("INFO: ");
      assertInReport(vm.copyText());
    }
  }

  @Test
  void traceSteps() {
    TraceViewModel vm = new TraceViewModel(state);
    for (FdRef fd : state.results().analysis().deviceFds()) {
      state.select(new ElementRef.FileRef(fd));
      String copied = TraceViewModel.copyText(vm.rows());
      assertThat(copied).contains("FAIL    vfio_pci_dev_set_hot_reset: ");
      assertInReport(copied);
    }
  }

  @Test
  void resetOutcomeRowsWithQemuLines() {
    ResetOutcomesViewModel vm = new ResetOutcomesViewModel(state);
    assertThat(vm.rows()).hasSize(2);
    String copied = vm.copyText(vm.rows());
    assertThat(copied).contains("would print: vfio: Cannot reset device 0000:02:00.1");
    assertInReport(copied);
    assertThat(vm.rows().get(1).qemuCell())
        .isEqualTo(
            "vfio: Cannot reset device 0000:02:00.1, depends on group 20 which is not owned.");
  }

  @Test
  void problems() {
    ProblemsViewModel vm = new ProblemsViewModel(state);
    assertThat(vm.problems()).isNotEmpty();
    assertInReport(ProblemsViewModel.copyText(vm.problems()));
  }
}
