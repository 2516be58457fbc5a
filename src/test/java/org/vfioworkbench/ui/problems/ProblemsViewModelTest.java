package org.vfioworkbench.ui.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

class ProblemsViewModelTest {

  private final WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());

  @Test
  void workstationProblemsNameTheirCulprits() {
    state.open("ws", BuiltInSamples.workstation(), null);
    ProblemsViewModel vm = new ProblemsViewModel(state);
    assertThat(vm.problems())
        .anySatisfy(
            p -> {
              assertThat(p.kind()).isEqualTo(Diagnostic.Kind.NON_VIABLE_GROUP);
              assertThat(p.culprit())
                  .isEqualTo(new ElementRef.FunctionRef(Bdf.parse("0000:01:00.1")));
            });
    assertThat(vm.problems())
        .anySatisfy(
            p -> {
              assertThat(p.kind()).isEqualTo(Diagnostic.Kind.NEVER_RESETTABLE);
              assertThat(p.summary()).contains("00:1f.3").contains("-ENODEV");
            });
    assertThat(vm.problems())
        .anySatisfy(
            p -> {
              assertThat(p.kind()).isEqualTo(Diagnostic.Kind.NEVER_RESETTABLE);
              assertThat(p.summary()).contains("01:00.1").contains("not in the dev-set");
            });
  }

  @Test
  void theSeedCaseIsAnOwnershipConflictAndGoingToItSelects() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    ProblemsViewModel vm = new ProblemsViewModel(state);
    Problem p =
        vm.problems().stream()
            .filter(x -> x.kind() == Diagnostic.Kind.OWNERSHIP_CONFLICT)
            .findFirst()
            .orElseThrow();
    vm.goTo(p);
    assertThat(state.selectionProperty().get()).isEqualTo(p.culprit());
  }
}
