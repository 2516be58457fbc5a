package org.vfioworkbench.host.proc;

/** The VFIO-related things an fd in {@code /proc/PID/fd} can point at. */
public enum VfioFdKind {
  /** {@code /dev/vfio/vfio}: a legacy container. */
  CONTAINER,
  /** {@code /dev/vfio/N} or {@code /dev/vfio/noiommu-N}: a group file. */
  GROUP,
  /** {@code /dev/vfio/devices/vfioX}: a device cdev. */
  CDEV,
  /** {@code /dev/iommu}: an iommufd context. */
  IOMMUFD,
  /** {@code anon_inode:[vfio-device]}: a device fd obtained through a group. */
  DEVICE;

  /** The kind of fd a symlink target in {@code /proc/PID/fd} names, or null for other files. */
  public static VfioFdKind of(String target) {
    if (target.equals("/dev/vfio/vfio")) {
      return CONTAINER;
    }
    if (target.equals("/dev/iommu")) {
      return IOMMUFD;
    }
    if (target.equals("anon_inode:[vfio-device]")) {
      return DEVICE;
    }
    if (target.startsWith("/dev/vfio/devices/")) {
      return CDEV;
    }
    if (target.startsWith("/dev/vfio/")) {
      String n = target.substring("/dev/vfio/".length());
      n = n.startsWith("noiommu-") ? n.substring(8) : n;
      if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) {
        return GROUP;
      }
    }
    return null;
  }
}
