package org.vfioworkbench.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hotplug driver behind a slot (the slot's {@code module} link in sysfs), and whether its
 * {@code hotplug_slot_ops} have {@code .reset_slot}: only then can {@code pci_reset_hotplug_slot}
 * succeed (drivers/pci/pci.c and drivers/pci/hotplug/*, Linux 6.12).
 */
public enum HotplugDriver {
  /** PCI Express native hotplug: {@code pciehp_core.c} sets {@code ops->reset_slot}. */
  PCIEHP("pciehp", true),
  /** ACPI hotplug ({@code acpi_hotplug_slot_ops} has no {@code reset_slot}). */
  ACPIPHP("acpiphp", false),
  /** Standard hotplug controller ({@code shpchp_hotplug_slot_ops} has no {@code reset_slot}). */
  SHPCHP("shpchp", false),
  /** PowerNV ({@code pnv_php_reset_slot}; its probe succeeds when the slot has a bridge). */
  PNV_PHP("pnv_php", true),
  /** s390 ({@code s390_pci_hpc.c} {@code reset_slot}). */
  S390_PCI_HPC("s390_pci_hpc", true),
  /** Another driver that offers no {@code reset_slot}, or one the workbench does not know. */
  OTHER("other", false),
  /** No hotplug driver: {@code slot->hotplug} is NULL, so the slot never resets. */
  NONE("none", false);

  private final String id;
  private final boolean resetSlot;

  HotplugDriver(String id, boolean resetSlot) {
    this.id = id;
    this.resetSlot = resetSlot;
  }

  /** The module name ({@code pciehp}) as sysfs and the scenario format write it. */
  public String id() {
    return id;
  }

  /** True when the driver's {@code hotplug_slot_ops} implement {@code reset_slot}. */
  public boolean hasResetSlot() {
    return resetSlot;
  }

  /** The driver a module name names ({@code pciehp}, {@code acpiphp}, …), if known. */
  public static Optional<HotplugDriver> byId(String id) {
    return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
