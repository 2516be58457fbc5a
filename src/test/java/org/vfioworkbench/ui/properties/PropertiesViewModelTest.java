package org.vfioworkbench.ui.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

class PropertiesViewModelTest {

  private static final Bdf GPU_AUDIO = Bdf.parse("0000:01:00.1");
  private WorkbenchState state;
  private PropertiesViewModel vm;

  @BeforeEach
  void setUp() {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("ws", BuiltInSamples.workstation(), null);
    vm = new PropertiesViewModel(state);
  }

  private PropertyRow row(String name) {
    return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void derivedFactsAreReadOnlyAndEditableOnesAreNot() {
    state.select(new ElementRef.FunctionRef(Bdf.parse("0000:06:00.0")));
    assertThat(row("reset scope").editable()).isFalse();
    assertThat(row("reset scope").value()).isEqualTo("slot 5 on bus 0000:06, 1 functions");
    assertThat(row("driver").editable()).isTrue();
    assertThat(row("slot 5 reset").editable()).isTrue();
  }

  @Test
  void rebindingAnUnopenedFunctionIsAnUndoableEdit() {
    state.select(new ElementRef.FunctionRef(GPU_AUDIO));
    row("driver").setter().accept(DriverChoice.VFIO_PCI);
    assertThat(state.topology().function(GPU_AUDIO).orElseThrow().driver().kind())
        .isEqualTo(DriverKind.VFIO_PCI);
    assertThat(state.commands().undoLabelProperty().get()).contains("vfio-pci");
    state.undo();
    assertThat(state.topology().function(GPU_AUDIO).orElseThrow().driver().kind())
        .isEqualTo(DriverKind.NATIVE);
  }

  @Test
  void unbindingAnOpenDeviceIsRefusedWithTheKernelsErrno() {
    state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0")));
    row("driver").setter().accept(DriverChoice.NONE);
    assertThat(vm.messageProperty().get()).startsWith("Refused: -EBUSY");
    assertThat(state.commands().canUndoProperty().get()).isFalse();
  }

  @Test
  void quirkToggleChangesTheScope() {
    state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.1")));
    row("NO_BUS_RESET").setter().accept(true);
    assertThat(
            state
                .topology()
                .function(Bdf.parse("0000:02:00.1"))
                .orElseThrow()
                .hasQuirk(Quirk.NO_BUS_RESET))
        .isTrue();
    assertThat(row("reset scope").value()).isEqualTo("none (-ENODEV)");
  }

  @Test
  void idsAFileDoesNotGiveAreSaidToBeMissingNotShownAsZeros() {
    state.select(new ElementRef.FunctionRef(GPU_AUDIO));
    assertThat(String.valueOf(row("ids").value())).isEqualTo("not given, class not given");

    var f = state.topology().function(GPU_AUDIO).orElseThrow();
    var withIds =
        new org.vfioworkbench.model.PciFunction(
            f.bdf(),
            f.headerType(),
            0x10de,
            0x10f8,
            0x040300,
            f.description(),
            f.driver(),
            f.iommuGroup(),
            f.physfn(),
            f.quirks(),
            f.conditions(),
            f.quirksDeclared(),
            f.vfToken());
    assertThat(PropertyRows.ids(withIds)).isEqualTo("10de:10f8, class 040300");
  }
}
