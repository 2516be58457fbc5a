package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Host-wide settings.
 *
 * @param noIommuMode {@code vfio.enable_unsafe_noiommu_mode=1} (default false)
 * @param cdev {@code CONFIG_VFIO_DEVICE_CDEV=y} (default true)
 */
@JsonPropertyOrder({"noIommuMode", "cdev"})
public record HostDto(Boolean noIommuMode, Boolean cdev) {}
