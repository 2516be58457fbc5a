package org.vfioworkbench.model;

/**
 * Host-wide kernel settings that change VFIO behaviour.
 *
 * @param noIommuMode {@code vfio.enable_unsafe_noiommu_mode=1}
 * @param cdevSupported {@code CONFIG_VFIO_DEVICE_CDEV=y}: device cdevs exist
 */
public record HostOptions(boolean noIommuMode, boolean cdevSupported) {

  public static final HostOptions DEFAULT = new HostOptions(false, true);
}
