package org.vfioworkbench.host.sysfs;

import java.util.Map;
import java.util.Optional;

/**
 * Names for PCI class codes: the PCI ID database's (as lspci prints them) when one is installed or
 * bundled, else a short built-in list of the classes a VFIO user meets.
 */
public final class PciClassNames {

  private static final Map<Integer, String> SUBCLASS =
      Map.ofEntries(
          Map.entry(0x0100, "SCSI storage controller"),
          Map.entry(0x0104, "RAID bus controller"),
          Map.entry(0x0106, "SATA controller"),
          Map.entry(0x0108, "Non-Volatile memory controller"),
          Map.entry(0x0200, "Ethernet controller"),
          Map.entry(0x0207, "Infiniband controller"),
          Map.entry(0x0280, "Network controller"),
          Map.entry(0x0300, "VGA compatible controller"),
          Map.entry(0x0302, "3D controller"),
          Map.entry(0x0380, "Display controller"),
          Map.entry(0x0401, "Multimedia audio controller"),
          Map.entry(0x0403, "Audio device"),
          Map.entry(0x0500, "RAM memory"),
          Map.entry(0x0600, "Host bridge"),
          Map.entry(0x0601, "ISA bridge"),
          Map.entry(0x0604, "PCI bridge"),
          Map.entry(0x0607, "CardBus bridge"),
          Map.entry(0x0609, "PCI bridge"),
          Map.entry(0x0680, "Bridge"),
          Map.entry(0x0700, "Serial controller"),
          Map.entry(0x0805, "SD Host controller"),
          Map.entry(0x0806, "IOMMU"),
          Map.entry(0x0880, "System peripheral"),
          Map.entry(0x0c03, "USB controller"),
          Map.entry(0x0c05, "SMBus"),
          Map.entry(0x0c80, "Serial bus controller"),
          Map.entry(0x1080, "Encryption controller"),
          Map.entry(0x1180, "Signal processing controller"),
          Map.entry(0x1200, "Processing accelerators"),
          Map.entry(0x1300, "Non-Essential Instrumentation"),
          Map.entry(0xff00, "Unassigned class"));

  private PciClassNames() {}

  /** "VGA compatible controller" for {@code 0x030000}; "class 0x0b40" when unknown. */
  public static String name(int classCode) {
    return name(classCode, PciIds.system());
  }

  /** The name from {@code ids} when it has the subclass, else from the built-in list. */
  public static String name(int classCode, PciIds ids) {
    int sub = (classCode >> 8) & 0xffff;
    return ids.subclass(classCode)
        .or(() -> Optional.ofNullable(SUBCLASS.get(sub)))
        .orElseGet(() -> "class 0x" + PciIds.hex4(sub));
  }
}
