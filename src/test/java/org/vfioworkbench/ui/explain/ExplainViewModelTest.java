package org.vfioworkbench.ui.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioLoader;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

class ExplainViewModelTest {

  private static final Path S19 = Path.of("sample-topologies/s19-seed-cdev-and-type1-group.json");
  private static final FdRef CDEV_CALLER = new FdRef("qemu-cdev", 4);
  private static final String MOVE = "move 0000:02:00.1 into iommufd A";

  private WorkbenchState state;
  private ExplainViewModel vm;

  @BeforeEach
  void setUp() throws Exception {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open(Document.of("s19", ScenarioLoader.load(S19), S19));
    vm = new ExplainViewModel(state);
    state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0")));
  }

  private ResetResult naturalResetOfTheCdevCaller() {
    Analysis a = state.results().analysis();
    return a.hotReset(CDEV_CALLER, a.naturalReset(CDEV_CALLER).request());
  }

  @Test
  void theSeedCaseNamesTheBlockerItsHolderTheCheckAndQemusLine() {
    ExplainReport r = vm.reportProperty().get();
    assertThat(r.caller()).contains("qemu-cdev fd 4").contains("pid 4100");
    assertThat(r.verdict()).endsWith("-EINVAL");
    assertThat(r.decidedBy()).startsWith("Decided by vfio_pci_dev_set_hot_reset");
    assertThat(r.qemu())
        .containsExactly(
            "vfio: Cannot reset device 0000:02:00.0, depends on device 0000:02:00.1 which is"
                + " not owned.");
    assertThat(r.blockers()).hasSize(1);
    BlockerRow b = r.blockers().get(0);
    assertThat(b.function()).isEqualTo("0000:02:00.1");
    assertThat(b.group()).isEqualTo("21");
    assertThat(b.holders()).isEqualTo("qemu-legacy (pid 4200)");
    assertThat(r.remedies()).extracting(RemedyRow::title).first().isEqualTo(MOVE);
    assertThat(r.remedies().get(0).cost()).contains("taken from qemu-legacy (pid 4200)");
  }

  @Test
  void applyIsOneUndoableStepNamedAfterTheRemedyAndUndoRestoresTheFailure() {
    assertThat(naturalResetOfTheCdevCaller().succeeded()).isFalse();
    RemedyRow move = vm.reportProperty().get().remedies().get(0);

    assertThat(vm.apply(move)).isTrue();

    assertThat(naturalResetOfTheCdevCaller().succeeded()).isTrue();
    assertThat(state.commands().undoDepth()).isEqualTo(1);
    assertThat(state.commands().lastCommand().orElseThrow().label()).isEqualTo(MOVE);
    assertThat(vm.reportProperty().get().footer()).contains("succeeds");

    state.undo();
    ResetResult back = naturalResetOfTheCdevCaller();
    assertThat(back.succeeded()).isFalse();
    assertThat(back.retLabel()).startsWith("-EINVAL");
    assertThat(vm.reportProperty().get().remedies()).extracting(RemedyRow::title).contains(MOVE);
  }

  @Test
  void everyOfferedRemedyMakesTheResetSucceedWhenApplied() {
    int offered = vm.reportProperty().get().remedies().size();
    assertThat(offered).isGreaterThanOrEqualTo(2);
    for (int i = 0; i < offered; i++) {
      state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0")));
      RemedyRow r = vm.reportProperty().get().remedies().get(i);
      assertThat(vm.apply(r)).as(r.title()).isTrue();
      Analysis a = state.results().analysis();
      FdRef caller =
          a.deviceFds().stream()
              .filter(
                  fd ->
                      a.topology()
                          .file(fd)
                          .flatMap(f -> f.openedDevice())
                          .filter(Bdf.parse("0000:02:00.0")::equals)
                          .isPresent())
              .findFirst()
              .orElseThrow();
      assertThat(a.hotReset(caller, a.naturalReset(caller).request()).succeeded())
          .as(r.title())
          .isTrue();
      state.undo();
    }
  }

  @Test
  void aReadOnlyHostShowsRemediesButApplyDoesNothingAndSaysWhy() throws Exception {
    Scenario s19 = ScenarioLoader.load(S19);
    state.open(Document.host("This host", "scan", s19.topology(), Document.Origin.LIVE_HOST));
    state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0")));

    assertThat(vm.readOnlyReasonProperty().get()).startsWith("Read-only: This host");
    RemedyRow move = vm.reportProperty().get().remedies().get(0);
    assertThat(vm.apply(move)).isFalse();
    assertThat(vm.messageProperty().get()).startsWith("Read-only");
    assertThat(state.commands().undoDepth()).isZero();
    assertThat(naturalResetOfTheCdevCaller().succeeded()).isFalse();
  }

  @Test
  void aFunctionNobodyHasOpenHasNothingToExplain() {
    state.select(new ElementRef.GroupRef(21));
    assertThat(vm.reportProperty().get().remedies()).isEmpty();
    assertThat(vm.reportProperty().get().caller()).startsWith("Select a vfio device");
  }
}
