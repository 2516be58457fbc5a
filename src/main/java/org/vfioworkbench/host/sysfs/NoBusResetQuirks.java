package org.vfioworkbench.host.sysfs;

import java.util.Set;

/**
 * Devices the kernel marks {@code PCI_DEV_FLAGS_NO_BUS_RESET} with a header fixup
 * ({@code quirk_no_bus_reset} in {@code drivers/pci/quirks.c}). The flag is not visible in sysfs,
 * so the scan infers it from vendor and device id for these known entries only; newer kernels may
 * quirk more devices.
 */
public final class NoBusResetQuirks {

  private static final Set<Long> IDS = Set.of(
      id(0x168c, 0x0030), id(0x168c, 0x0032), id(0x168c, 0x0033), id(0x168c, 0x0034),
      id(0x168c, 0x003c), id(0x168c, 0x003e), // Atheros AR93xx / QCA wireless
      id(0x177d, 0xa100), // Cavium ThunderX CN8xxx root port
      id(0x104c, 0xb005), // TI KeyStone C667X
      id(0x11c1, 0x5900), // LSI / Agere FW643
      id(0x1b21, 0x1164)); // ASMedia ASM1164 SATA

  private NoBusResetQuirks() {}

  public static boolean matches(int vendor, int device) {
    return IDS.contains(id(vendor, device));
  }

  private static long id(int vendor, int device) {
    return ((long) vendor << 16) | device;
  }
}
