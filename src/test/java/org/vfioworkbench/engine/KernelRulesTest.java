package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.engine.Fixtures.fd;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.kernel.KernelRelease;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.HotplugDriver;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;
import org.vfioworkbench.model.TopologyBuilder.FunctionSpec;

/**
 * The reset-probe rules of drivers/pci/pci.c (6.12) with flags derived from real vendor and device
 * ids through the quirk table, slots as their hotplug driver registers them, and the profiles that
 * change the checks.
 */
class KernelRulesTest {

  private static final String ROOT_FN = "0000:00:05.0";

  /** One vfio-pci function on the root bus in slot "5" of {@code hotplug}, opened by QEMU. */
  private static Topology rootBusSlot(HotplugDriver hotplug) {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .slot("5", "0000:00", 5, hotplug)
        .function(ROOT_FN, f -> f.vfio().group(5).ids(0x1af4, 0x1041, 0x020000))
        .holder("qemu", h -> h.container(3, "c").group(4, 5, "c").device(6, ROOT_FN))
        .build();
  }

  @Test
  void aRootBusFunctionInAnAcpiphpSlotHasNoResetScope() {
    InfoResult acpi = Analysis.of(rootBusSlot(HotplugDriver.ACPIPHP)).info(fd("qemu", 6));
    assertThat(acpi.errno()).contains(Errno.ENODEV);
    assertThat(acpi.trace().toString()).contains("acpiphp").contains("no reset_slot");
    InfoResult shpc = Analysis.of(rootBusSlot(HotplugDriver.SHPCHP)).info(fd("qemu", 6));
    assertThat(shpc.errno()).contains(Errno.ENODEV);
    InfoResult pciehp = Analysis.of(rootBusSlot(HotplugDriver.PCIEHP)).info(fd("qemu", 6));
    assertThat(pciehp.errno()).isEmpty();
    assertThat(
            Analysis.of(rootBusSlot(HotplugDriver.PCIEHP))
                .scope(Bdf.parse(ROOT_FN))
                .scope()
                .orElseThrow()
                .kind())
        .isEqualTo(ResetScope.Kind.SLOT);
  }

  /** A two-function card in pciehp slot "2" below root port 00:1c.0 with the given ids. */
  private static TopologyBuilder cardInSlotBelow(Consumer<FunctionSpec> rootPort) {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .function(
            Fixtures.ROOT_PORT,
            f -> {
              f.bridge().group(1);
              rootPort.accept(f);
            })
        .bus("0000:02", Fixtures.ROOT_PORT)
        .slot("2", "0000:02", 0, HotplugDriver.PCIEHP)
        .function(Fixtures.FN0, f -> f.vfio().group(20).ids(0x10de, 0x2204, 0x030000))
        .function(Fixtures.FN1, f -> f.vfio().group(21).ids(0x10de, 0x1aef, 0x040300))
        .holder(
            "qemu",
            h -> h.container(3, "c").group(4, 20, "c").group(5, 21, "c").device(6, Fixtures.FN0));
  }

  @Test
  void aSlotBelowABridgeQuirkedNoBusResetIsNotResettable() {
    // Cavium CN8xxx root port 177d:a100: quirk_no_bus_reset in quirks.c
    Topology cavium = cardInSlotBelow(f -> f.ids(0x177d, 0xa100, 0x060400)).build();
    Analysis a = Analysis.of(cavium);
    ScopeDecision d = a.scope(Bdf.parse(Fixtures.FN0));
    assertThat(d.scope()).isEmpty();
    assertThat(d.steps().toString())
        .contains("pci_slot_resettable: bridge 0000:00:1c.0 above the slot")
        .contains("derived from ids: quirk_no_bus_reset (177d:a100");
    assertThat(a.info(fd("qemu", 6)).errno()).contains(Errno.ENODEV);
    assertThat(a.hotReset(fd("qemu", 6), ResetRequest.of(List.of(4, 5))).errno())
        .contains(Errno.ENODEV);

    Topology intel = cardInSlotBelow(f -> f.ids(0x8086, 0xa110, 0x060400)).build();
    assertThat(Analysis.of(intel).scope(Bdf.parse(Fixtures.FN0)).scope().orElseThrow().kind())
        .isEqualTo(ResetScope.Kind.SLOT);
  }

  @Test
  void quirksAFileStatesWinOverTheIds() {
    Topology declaredNone =
        cardInSlotBelow(f -> f.ids(0x177d, 0xa100, 0x060400).quirksDeclared()).build();
    ScopeDecision d = Analysis.of(declaredNone).scope(Bdf.parse(Fixtures.FN0));
    assertThat(d.scope().orElseThrow().kind()).isEqualTo(ResetScope.Kind.SLOT);
    Topology declared =
        Fixtures.splitVfio()
            .holder("qemu", h -> h.container(3, "c").group(4, 20, "c").device(6, Fixtures.FN0))
            .build()
            .withFunction(
                Bdf.parse(Fixtures.FN1), f -> f.withQuirks(java.util.Set.of(Quirk.NO_BUS_RESET)));
    assertThat(Analysis.of(declared).scope(Bdf.parse(Fixtures.FN0)).steps().toString())
        .contains("(declared)");
  }

  /** fn0 of the T-A card with the given ids, opened by QEMU; no slot, so the bus decides. */
  private static Topology gpuOnBus02(int vendor, int device) {
    return Fixtures.cardOnBus02(
            20, f -> f.vfio().ids(vendor, device, 0x030200), 21, FunctionSpec::vfio)
        .holder(
            "qemu",
            h -> h.container(3, "c").group(4, 20, "c").group(5, 21, "c").device(6, Fixtures.FN0))
        .build();
  }

  @Test
  void anNvidiaGpuOfThe2340FamilyStopsTheBusReset() {
    // quirk_nvidia_no_bus_reset: (dev->device & 0xffc0) == 0x2340
    for (int device : new int[] {0x2340, 0x2342, 0x237f}) {
      Analysis a = Analysis.of(gpuOnBus02(0x10de, device));
      assertThat(a.info(fd("qemu", 6)).errno()).as("10de:%04x", device).contains(Errno.ENODEV);
      assertThat(a.scope(Bdf.parse(Fixtures.FN0)).steps().toString())
          .contains("quirk_nvidia_no_bus_reset (10de:2340/ffc0");
    }
    for (int device : new int[] {0x2302, 0x2380, 0x2204}) {
      assertThat(Analysis.of(gpuOnBus02(0x10de, device)).info(fd("qemu", 6)).errno())
          .as("10de:%04x", device)
          .isEmpty();
    }
  }

  @Test
  void aFixupCountsOnlyInTheReleasesThatCarryIt() {
    // ASMedia ASM1164 1b21:1164: in 6.12.117 (stable backport), not in 6.10
    Topology t = gpuOnBus02(0x1b21, 0x1164);
    assertThat(Analysis.of(t, Profile.LINUX_6_12).info(fd("qemu", 6)).errno())
        .contains(Errno.ENODEV);
    assertThat(Analysis.of(t, Profile.LINUX_6_10).info(fd("qemu", 6)).errno()).isEmpty();
    assertThat(ProfileComparison.compare(t, Profile.LINUX_6_10, Profile.LINUX_6_12)).isNotEmpty();
  }

  @Test
  void anEmptyResetMethodBlocksTheBusOnlyUnderTheSysfsGate() {
    Topology t =
        Fixtures.cardOnBus02(20, FunctionSpec::vfio, 21, f -> f.vfio().quirk(Quirk.NO_RESET_METHOD))
            .holder(
                "qemu",
                h ->
                    h.container(3, "c").group(4, 20, "c").group(5, 21, "c").device(6, Fixtures.FN0))
            .build();
    InfoResult gated = Analysis.of(t, Profile.LINUX_6_12_23).info(fd("qemu", 6));
    assertThat(gated.errno()).contains(Errno.ENODEV);
    assertThat(gated.trace().toString()).contains("PCI: Avoid reset when disabled via sysfs");
    assertThat(Analysis.of(t, Profile.LINUX_6_12).info(fd("qemu", 6)).errno()).isEmpty();
    assertThat(Analysis.of(t, Profile.LINUX_6_10).info(fd("qemu", 6)).errno()).isEmpty();
    for (String release : List.of("6.6.87", "6.12.23", "6.12.24", "6.15-rc1", "6.15-rc2")) {
      assertThat(
              Analysis.of(t, Profile.forKernel(KernelRelease.parse(release)))
                  .info(fd("qemu", 6))
                  .errno())
          .as(release)
          .contains(Errno.ENODEV);
    }
    for (String release : List.of("6.6.86", "6.6.88", "6.12.22", "6.12.25", "6.15-rc3")) {
      assertThat(
              Analysis.of(t, Profile.forKernel(KernelRelease.parse(release)))
                  .info(fd("qemu", 6))
                  .errno())
          .as(release)
          .isEmpty();
    }
  }
}
