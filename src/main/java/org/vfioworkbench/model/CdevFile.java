package org.vfioworkbench.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * An fd on the device cdev {@code /dev/vfio/devices/vfioX}.
 *
 * @param fd descriptor number
 * @param device the function behind the cdev
 * @param boundTo the iommufd context it was bound to with {@code VFIO_DEVICE_BIND_IOMMUFD}, empty
 *     while unbound (every ioctl but BIND then returns -EINVAL)
 * @param devid the devid the bind returned; empty to let the engine number devices per context
 * @param inferred true when the binding was inferred rather than observed (live hosts)
 * @param vfToken the VF token the bind passed ({@code VFIO_DEVICE_BIND_FLAG_TOKEN}), if any
 */
public record CdevFile(
    int fd,
    Bdf device,
    Optional<String> boundTo,
    OptionalInt devid,
    boolean inferred,
    Optional<UUID> vfToken)
    implements OpenFile {

  public CdevFile {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(boundTo, "boundTo");
    Objects.requireNonNull(devid, "devid");
    Objects.requireNonNull(vfToken, "vfToken");
  }

  /** A cdev fd whose bind passed no VF token. */
  public CdevFile(
      int fd, Bdf device, Optional<String> boundTo, OptionalInt devid, boolean inferred) {
    this(fd, device, boundTo, devid, inferred, Optional.empty());
  }

  public static CdevFile bound(int fd, Bdf device, String iommufd) {
    return new CdevFile(fd, device, Optional.of(iommufd), OptionalInt.empty(), false);
  }

  public static CdevFile unbound(int fd, Bdf device) {
    return new CdevFile(fd, device, Optional.empty(), OptionalInt.empty(), false);
  }

  public boolean isBound() {
    return boundTo.isPresent();
  }

  @Override
  public java.util.Optional<Bdf> openedDevice() {
    return java.util.Optional.of(device);
  }

  @Override
  public String describe() {
    return "/dev/vfio/devices ("
        + device
        + ")"
        + boundTo.map(i -> " bound to " + i).orElse(" unbound");
  }
}
