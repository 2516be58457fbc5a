package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A physical slot.
 *
 * @param name the name under {@code /sys/bus/pci/slots}
 * @param bus the bus it is on
 * @param device the device number of the slot on that bus
 * @param reset whether the hotplug controller implements {@code reset_slot} (default false)
 */
@JsonPropertyOrder({"name", "bus", "device", "reset"})
public record SlotDto(String name, String bus, Integer device, Boolean reset) {}
