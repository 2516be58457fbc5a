package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A physical slot.
 *
 * @param name the name under {@code /sys/bus/pci/slots}
 * @param bus the bus it is on
 * @param device the device number of the slot on that bus
 * @param hotplug the hotplug driver behind the slot ({@code pciehp}, {@code acpiphp}, {@code
 *     shpchp}, {@code pnv_php}, {@code s390_pci_hpc}, {@code other}, {@code none}); pciehp when
 *     absent
 * @param reset older form: true for a controller with {@code reset_slot} (pciehp), false for one
 *     without; only read when {@code hotplug} is absent
 */
@JsonPropertyOrder({"name", "bus", "device", "hotplug", "reset"})
public record SlotDto(String name, String bus, Integer device, String hotplug, Boolean reset) {}
