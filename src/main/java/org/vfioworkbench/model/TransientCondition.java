package org.vfioworkbench.model;

/**
 * A passing condition that makes a hot reset fail although ownership is proven. They describe a
 * moment, not a configuration, and let scenarios show the retryable errors.
 */
public enum TransientCondition {
  /** Another thread holds the device's {@code memory_lock}: {@code down_write_trylock} fails. */
  MEMORY_LOCK_BUSY,
  /** A concurrent bind/unbind holds the PCI device lock: {@code pci_reset_bus} returns -EAGAIN. */
  DEVICE_LOCK_CONTENDED
}
