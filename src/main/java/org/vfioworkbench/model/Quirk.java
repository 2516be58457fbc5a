package org.vfioworkbench.model;

/** Per-function PCI flags that change whether a slot or bus may be reset. */
public enum Quirk {
  /** {@code PCI_DEV_FLAGS_NO_BUS_RESET}: neither this bus nor a slot holding the function resets. */
  NO_BUS_RESET
}
