package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A bus.
 *
 * @param bus its address, {@code 0000:02}
 * @param bridge the bridge function whose secondary bus it is; absent for a root or virtual bus
 */
@JsonPropertyOrder({"bus", "bridge"})
public record BusDto(String bus, String bridge) {}
