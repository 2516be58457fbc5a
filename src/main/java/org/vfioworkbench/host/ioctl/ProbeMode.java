package org.vfioworkbench.host.ioctl;

/** How the probe opens the device, as a user would. */
public enum ProbeMode {
  /** Container + {@code /dev/vfio/N} + {@code VFIO_GROUP_GET_DEVICE_FD}. */
  GROUP,
  /** {@code /dev/iommu} + {@code /dev/vfio/devices/vfioX} + {@code VFIO_DEVICE_BIND_IOMMUFD}. */
  CDEV
}
