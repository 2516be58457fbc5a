package org.vfioworkbench.model;

import java.util.Objects;

/**
 * A device fd obtained through a group with {@code VFIO_GROUP_GET_DEVICE_FD} ({@code
 * anon_inode:[vfio-device]}).
 *
 * @param fd descriptor number
 * @param device the function
 * @param vfToken the VF token the open passed in the device name ({@code "BDF vf_token=UUID"})
 */
public record DeviceFile(int fd, Bdf device, java.util.Optional<java.util.UUID> vfToken)
    implements OpenFile {

  public DeviceFile {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(vfToken, "vfToken");
  }

  /** A device fd opened without a VF token. */
  public DeviceFile(int fd, Bdf device) {
    this(fd, device, java.util.Optional.empty());
  }

  @Override
  public java.util.Optional<Bdf> openedDevice() {
    return java.util.Optional.of(device);
  }

  @Override
  public String describe() {
    return "anon_inode:[vfio-device] " + device;
  }
}
