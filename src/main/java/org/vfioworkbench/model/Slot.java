package org.vfioworkbench.model;

import java.util.Objects;

/**
 * A physical slot ({@code struct pci_slot}) on a bus. Functions on {@code bus} whose device number
 * is {@code device} sit in the slot.
 *
 * @param name the slot's name as in {@code /sys/bus/pci/slots/NAME}
 * @param bus the bus the slot is on
 * @param device the device number of the slot on that bus
 * @param hotplug the hotplug driver that registered the slot (its {@code module} link)
 */
public record Slot(String name, BusAddress bus, int device, HotplugDriver hotplug) {

  public Slot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(hotplug, "hotplug");
    if (device < 0 || device > 0x1f) {
      throw new IllegalArgumentException("slot device number out of range: " + device);
    }
  }

  /**
   * A slot described only by whether its controller can reset it: pciehp when it can, {@link
   * HotplugDriver#OTHER} (a driver without {@code reset_slot}) when it cannot.
   */
  public Slot(String name, BusAddress bus, int device, boolean resetSupported) {
    this(name, bus, device, resetSupported ? HotplugDriver.PCIEHP : HotplugDriver.OTHER);
  }

  /** Whether the slot's hotplug controller implements {@code reset_slot}. */
  public boolean resetSupported() {
    return hotplug.hasResetSlot();
  }

  /** True when {@code bdf} sits directly in this slot ({@code pdev->slot == slot}). */
  public boolean contains(Bdf bdf) {
    return bdf.busAddress().equals(bus) && bdf.device() == device;
  }
}
