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

  @Test
  void whatAHostScanCouldNotReadOrInferredIsListedBesideTheEnginesDiagnostics() throws Exception {
    org.vfioworkbench.host.ScanResult scan =
        org.vfioworkbench.host.HostSources.scan(
            java.nio.file.Path.of("src/test/resources/host/workstation.json"),
            org.vfioworkbench.host.ScanListener.NONE);
    java.util.List<Diagnostic> facts =
        java.util.List.of(
            Diagnostic.of(
                Diagnostic.Kind.HOST_UNREADABLE,
                "fd table: permission denied",
                new org.vfioworkbench.engine.diagnostics.Subject.HostPath("/proc/77/fd")),
            Diagnostic.of(
                Diagnostic.Kind.HOST_FACT_INFERRED,
                "bridge 0000:00:1c.0 is not listed; 0000:02:00.0 hung below 0000:00:00.0",
                new org.vfioworkbench.engine.diagnostics.Subject.HostPath("")));
    ProblemsViewModel vm = new ProblemsViewModel(state);

    state.open(
        org.vfioworkbench.ui.document.Document.host(
            "capture",
            "scan",
            scan.topology(),
            org.vfioworkbench.ui.document.Document.Origin.CAPTURE),
        facts);

    assertThat(vm.problems())
        .anySatisfy(
            p -> {
              assertThat(p.kind()).isEqualTo(Diagnostic.Kind.HOST_UNREADABLE);
              assertThat(p.where()).isEqualTo("/proc/77/fd");
              assertThat(p.culprit()).isNull();
            })
        .anySatisfy(p -> assertThat(p.where()).isEqualTo("the host"));
    ElementRef before = state.selectionProperty().get();
    vm.goTo(vm.problems().stream().filter(p -> p.culprit() == null).findFirst().orElseThrow());
    assertThat(state.selectionProperty().get()).isEqualTo(before);

    state.open("seed", BuiltInSamples.seedCase(), null);
    assertThat(vm.problems()).noneMatch(p -> p.culprit() == null);
  }

  @Test
  void aHiddenViewListsNothingUntilItIsShownAgain() {
    state.open("ws", BuiltInSamples.workstation(), null);
    ProblemsViewModel vm = new ProblemsViewModel(state);
    int before = vm.refreshes();
    vm.setShown(false);
    state.open("seed", BuiltInSamples.seedCase(), null);
    assertThat(vm.refreshes()).isEqualTo(before);
    assertThat(vm.problems()).anySatisfy(p -> assertThat(p.summary()).contains("00:1f.3"));

    vm.setShown(true);
    assertThat(vm.refreshes()).isEqualTo(before + 1);
    assertThat(vm.problems()).noneSatisfy(p -> assertThat(p.summary()).contains("00:1f.3"));
  }
}
