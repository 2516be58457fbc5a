package org.vfioworkbench.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.OutcomeRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

class TraceViewModelTest {

  private final WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());

  @Test
  void selectingADeviceShowsItsNaturalResetEndingInTheFailure() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    TraceViewModel vm = new TraceViewModel(state);
    state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0")));
    assertThat(vm.titleProperty().get()).contains("empty array").endsWith("-EINVAL");
    assertThat(vm.rows()).isNotEmpty();
    assertThat(vm.rows().get(vm.rows().size() - 1).verdict()).isEqualTo("FAIL");
    assertThat(vm.rows()).allMatch(r -> !r.function().isBlank());
  }

  @Test
  void aChosenOutcomeReplacesTheNaturalOne() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    TraceViewModel vm = new TraceViewModel(state);
    state.selectedOutcomeProperty().set(OutcomeRef.info(new FdRef("qemu-vm1", 4)));
    assertThat(vm.titleProperty().get()).startsWith("GET_PCI_HOT_RESET_INFO").endsWith("0");
    state
        .selectedOutcomeProperty()
        .set(new OutcomeRef(new FdRef("qemu-vm1", 7), ResetVariant.Kind.ALL_HOLDER_GROUPS));
    assertThat(vm.titleProperty().get()).contains("all held groups");
  }

  @Test
  void nothingSelectedExplainsWhatToDo() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.selectionProperty().set(null);
    TraceViewModel vm = new TraceViewModel(state);
    assertThat(vm.rows()).isEmpty();
    assertThat(vm.titleProperty().get()).startsWith("Select");
  }
}
