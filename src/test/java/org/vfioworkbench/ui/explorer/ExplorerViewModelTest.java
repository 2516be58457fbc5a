package org.vfioworkbench.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

class ExplorerViewModelTest {

  private WorkbenchState state;
  private ExplorerViewModel vm;

  @BeforeEach
  void setUp() {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("ws", BuiltInSamples.workstation(), null);
    vm = new ExplorerViewModel(state);
  }

  @Test
  void pciTreeNestsBusesBelowTheirBridges() {
    TreeEntry root = vm.rootProperty().get();
    List<TreeEntry> path = root.pathTo(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.1")));
    assertThat(path)
        .extracting(TreeEntry::label)
        .containsExactly(
            "host",
            "segment 0000",
            "bus 0000:00",
            "00:1c.0 PCIe root port [pcieport]",
            "bus 0000:02",
            "02:00.1 NIC port 1 [vfio-pci]");
  }

  @Test
  void groupModeMarksTheNonViableGroup() {
    vm.modeProperty().set(ExplorerMode.IOMMU_GROUP);
    TreeEntry g14 =
        vm.rootProperty().get().children().stream()
            .filter(e -> e.label().equals("group 14"))
            .findFirst()
            .orElseThrow();
    assertThat(g14.detail()).startsWith("not viable");
    assertThat(g14.children()).hasSize(2);
  }

  @Test
  void scopeModeSeparatesSlotAndBusResetsAndRootBusFunctions() {
    vm.modeProperty().set(ExplorerMode.RESET_SCOPE);
    assertThat(vm.rootProperty().get().children())
        .extracting(TreeEntry::label)
        .contains(
            "SLOT reset: slot 5 on bus 0000:06",
            "BUS reset: bus 0000:02",
            "no hot reset (-ENODEV)");
  }

  @Test
  void holderModeListsFilesAndUnopenedDevices() {
    vm.modeProperty().set(ExplorerMode.HOLDER);
    assertThat(vm.rootProperty().get().children())
        .extracting(TreeEntry::label)
        .containsExactly("qemu-vm1", "qemu-vm2", "(nobody)");
  }

  @Test
  void filterKeepsMatchesAndTheirAncestors() {
    vm.filterProperty().set("nvme");
    TreeEntry root = vm.rootProperty().get();
    assertThat(root.pathTo(new ElementRef.FunctionRef(Bdf.parse("0000:06:00.0")))).isNotEmpty();
    assertThat(root.pathTo(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0")))).isEmpty();
  }

  @Test
  void choosingARowSelectsEverywhere() {
    vm.select(new ElementRef.GroupRef(20));
    assertThat(state.selectionProperty().get()).isEqualTo(new ElementRef.GroupRef(20));
  }
}
