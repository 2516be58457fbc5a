package org.vfioworkbench.ui.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

class ResetOutcomesViewModelTest {

  private final WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());

  @Test
  void everyDeviceFdGetsEveryVariant() {
    state.open("ws", BuiltInSamples.workstation(), null);
    ResetOutcomesViewModel vm = new ResetOutcomesViewModel(state);
    assertThat(vm.rows())
        .extracting(r -> r.fd().toString())
        .containsExactly("qemu-vm1:4", "qemu-vm1:7", "qemu-vm2:4", "qemu-vm2:5");
    OutcomeRow nvme = vm.rows().get(2);
    assertThat(nvme.cell(ResetVariant.Kind.EMPTY_ARRAY).succeeded()).isTrue();
    assertThat(nvme.cell(ResetVariant.Kind.EMPTY_ARRAY).label()).isEqualTo(OutcomeCell.SUCCESS);
    assertThat(vm.rows().get(3).cell(ResetVariant.Kind.EMPTY_ARRAY).label()).isEqualTo("-EINVAL");
  }

  @Test
  void openingACellSelectsItsOutcomeAndFd() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    ResetOutcomesViewModel vm = new ResetOutcomesViewModel(state);
    vm.open(new FdRef("qemu-vm1", 7), ResetVariant.Kind.INFO_GROUPS);
    assertThat(state.selectedOutcomeProperty().get().kind())
        .isEqualTo(ResetVariant.Kind.INFO_GROUPS);
    assertThat(state.selectionProperty().get())
        .isEqualTo(new ElementRef.FileRef(new FdRef("qemu-vm1", 7)));
  }

  @Test
  void compareModeMarksCellsThatChange() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    ResetOutcomesViewModel vm = new ResetOutcomesViewModel(state);
    state.compareProfileProperty().set(org.vfioworkbench.engine.Profile.REVIEW_DEVICE_FD_PROOF);
    OutcomeCell fn1DeviceFds = vm.rows().get(1).cell(ResetVariant.Kind.DEVICE_FDS);
    assertThat(fn1DeviceFds.label()).isEqualTo("-EINVAL");
    assertThat(fn1DeviceFds.compareLabel()).isEqualTo(OutcomeCell.SUCCESS);
    assertThat(fn1DeviceFds.text()).isEqualTo("-EINVAL \u2192 \u2714");
    assertThat(vm.rows().get(0).cell(ResetVariant.Kind.EMPTY_ARRAY).changed()).isFalse();
  }

  @Test
  void aHiddenViewWorksNothingOutUntilItIsShownAgain() {
    state.open("ws", BuiltInSamples.workstation(), null);
    ResetOutcomesViewModel vm = new ResetOutcomesViewModel(state);
    int before = vm.refreshes();
    vm.setShown(false);
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.open("ws again", BuiltInSamples.workstation(), null);
    assertThat(vm.refreshes()).isEqualTo(before);
    assertThat(vm.rows()).extracting(r -> r.fd().toString()).contains("qemu-vm2:5");

    state.open("seed", BuiltInSamples.seedCase(), null);
    vm.setShown(true);
    assertThat(vm.refreshes()).isEqualTo(before + 1);
    assertThat(vm.rows())
        .extracting(r -> r.fd().toString())
        .isEqualTo(state.results().analysis().deviceFds().stream().map(FdRef::toString).toList());
  }

  @Test
  void aTableAskedToStopStopsBeforeItsNextFd() {
    state.open("ws", BuiltInSamples.workstation(), null);
    int[] asked = {0};
    assertThatThrownBy(
            () -> OutcomeTable.update(null, state.results().analysis(), null, () -> ++asked[0] > 2))
        .isInstanceOf(CancellationException.class);
    assertThat(asked[0]).isEqualTo(3);
  }
}
