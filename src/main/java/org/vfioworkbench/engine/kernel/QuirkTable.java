package org.vfioworkbench.engine.kernel;

import java.util.List;
import java.util.Optional;

/**
 * The kernel's PCI fixups that decide whether a slot or bus can be reset, by release. Mirrors
 * {@code drivers/pci/quirks.c}; a test checks the 6.12 entries against the source of {@code
 * linux-source-6.12} installed (6.12.117 when it was written, 6.12.118 since). Only {@code
 * PCI_DEV_FLAGS_NO_BUS_RESET} matters here: {@code pci_slot_resettable} and {@code
 * pci_bus_resettable} consult it. The other reset flags in quirks.c ({@code
 * PCI_DEV_FLAGS_NO_FLR_RESET}, {@code PCI_DEV_FLAGS_NO_PM_RESET}) only remove a function-level
 * reset method, which the hot-reset ioctls never use.
 */
public final class QuirkTable {

  private static final int ATHEROS = 0x168c;
  private static final int QCOM = 0x17cb;
  private static final int NVIDIA = 0x10de;
  private static final int CAVIUM = 0x177d;
  private static final int TI = 0x104c;
  private static final int ASMEDIA = 0x1b21;

  private static final String QCOM_TITLE = "PCI: Disable broken bus reset on Qualcomm devices";

  /** The first 6.12 stable release the late backports were checked in. */
  private static final KernelRelease V6_12_117 = KernelRelease.of(6, 12, 117);

  private static final List<NoBusResetFixup> NO_BUS_RESET =
      List.of(
          old(
              ATHEROS,
              0x0030,
              "PCI: Mark Atheros AR93xx to avoid bus reset",
              "Atheros AR9xxx/QCA988x"),
          old(
              ATHEROS,
              0x0032,
              "PCI: Mark Atheros AR93xx to avoid bus reset",
              "Atheros AR9xxx/QCA988x"),
          old(
              ATHEROS,
              0x003c,
              "PCI: Mark Atheros AR93xx to avoid bus reset",
              "Atheros AR9xxx/QCA988x"),
          old(ATHEROS, 0x0033, "PCI: Mark Atheros AR9580 to avoid bus reset", "Atheros AR9580"),
          old(ATHEROS, 0x0034, "PCI: Mark Atheros AR9462 to avoid bus reset", "Atheros AR9462"),
          old(ATHEROS, 0x003e, "PCI: Mark Atheros QCA6174 to avoid bus reset", "Atheros QCA6174"),
          old(
              CAVIUM,
              0xa100,
              "PCI: Avoid bus reset if bridge itself is broken",
              "Cavium CN8xxx root port"),
          old(TI, 0xb005, "PCI: Mark TI C667X to avoid bus reset", "TI KeyStone C667X"),
          new NoBusResetFixup(
              NVIDIA,
              0x2340,
              0xffc0,
              "quirk_nvidia_no_bus_reset",
              "PCI: Mark some NVIDIA GPUs to avoid bus reset",
              "NVIDIA GPUs with (device & 0xffc0) == 0x2340 (v5.14)",
              NoBusResetFixup.BEFORE_5_15,
              List.of()),
          late(
              NVIDIA,
              0x22ce,
              "PCI: Mark Nvidia GB10 to avoid bus reset",
              "NVIDIA GB10 root port",
              KernelRelease.of(7, 0, 0)),
          late(
              NVIDIA,
              0x22d0,
              "PCI: Mark Nvidia GB10 to avoid bus reset",
              "NVIDIA GB10 root port",
              KernelRelease.of(7, 0, 0)),
          late(
              ASMEDIA,
              0x1164,
              "PCI: Mark ASM1164 SATA controller to avoid bus reset",
              "ASMedia ASM1164 SATA",
              KernelRelease.of(7, 0, 0)),
          late(QCOM, 0x1103, QCOM_TITLE, "Qualcomm WCN6855", KernelRelease.of(7, 2, 0)),
          late(QCOM, 0x1107, QCOM_TITLE, "Qualcomm WCN7850", KernelRelease.of(7, 2, 0)),
          late(QCOM, 0x0308, QCOM_TITLE, "Qualcomm SDX62/SDX65", KernelRelease.of(7, 2, 0)));

  private QuirkTable() {}

  private static NoBusResetFixup old(int vendor, int device, String title, String name) {
    return new NoBusResetFixup(
        vendor,
        device,
        0xffff,
        "quirk_no_bus_reset",
        title,
        name,
        NoBusResetFixup.BEFORE_5_15,
        List.of());
  }

  private static NoBusResetFixup late(
      int vendor, int device, String title, String name, KernelRelease mainline) {
    return new NoBusResetFixup(
        vendor, device, 0xffff, "quirk_no_bus_reset", title, name, mainline, List.of(V6_12_117));
  }

  /** Every NO_BUS_RESET fixup the table knows, whatever the release. */
  public static List<NoBusResetFixup> noBusResetFixups() {
    return NO_BUS_RESET;
  }

  /** The NO_BUS_RESET fixups {@code release} carries. */
  public static List<NoBusResetFixup> noBusResetFixups(KernelRelease release) {
    return NO_BUS_RESET.stream().filter(f -> f.presentIn(release)).toList();
  }

  /** The fixup that flags a function with these ids NO_BUS_RESET in {@code release}, if any. */
  public static Optional<NoBusResetFixup> noBusReset(
      int vendor, int device, KernelRelease release) {
    // A loop, not a stream: this runs for every function of every new PCI analysis.
    for (NoBusResetFixup f : NO_BUS_RESET) {
      if (f.matches(vendor, device) && f.presentIn(release)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
