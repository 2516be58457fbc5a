package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO}.
 *
 * @param argsz the header's argsz; absent means a buffer large enough for every entry
 */
@JsonPropertyOrder({"argsz"})
public record InfoCallDto(Long argsz) {}
