package org.vfioworkbench.model;

/** Per-function facts that change whether a slot or bus may be reset. */
public enum Quirk {
  /**
   * {@code PCI_DEV_FLAGS_NO_BUS_RESET}: neither this bus nor a slot holding the function resets.
   */
  NO_BUS_RESET,
  /**
   * The function's {@code reset_method} is empty ({@code pci_reset_supported()} is false: every
   * method disabled through sysfs, or none supported). Only kernels carrying "PCI: Avoid reset when
   * disabled via sysfs" (6.12.23–6.12.24, 6.6.87, 6.15-rc1–rc2) let it block a slot or bus reset.
   */
  NO_RESET_METHOD
}
