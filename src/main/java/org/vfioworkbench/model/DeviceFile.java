package org.vfioworkbench.model;

import java.util.Objects;

/**
 * A device fd obtained through a group with {@code VFIO_GROUP_GET_DEVICE_FD}
 * ({@code anon_inode:[vfio-device]}).
 */
public record DeviceFile(int fd, Bdf device) implements OpenFile {

  public DeviceFile {
    Objects.requireNonNull(device, "device");
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
