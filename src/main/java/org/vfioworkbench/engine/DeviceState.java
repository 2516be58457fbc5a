package org.vfioworkbench.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;

/**
 * What the kernel knows about one vfio device at this moment.
 *
 * @param bdf the device
 * @param groupFds device fds obtained through its group
 * @param cdevFd the fd on its cdev, bound or not
 * @param cdevOpened {@code vfio_device_cdev_opened()}: a cdev bind succeeded and is still open
 * @param boundIctx the iommufd context its {@code iommufd_device} belongs to (cdev bind or a
 *     group-compat first open), empty when none
 * @param devid its object id in that context
 */
public record DeviceState(
    Bdf bdf,
    List<FdRef> groupFds,
    Optional<FdRef> cdevFd,
    boolean cdevOpened,
    Optional<String> boundIctx,
    OptionalLong devid) {

  public DeviceState {
    Objects.requireNonNull(bdf, "bdf");
    groupFds = List.copyOf(groupFds);
  }

  /** {@code open_count}: group-derived fds plus a bound cdev. */
  public int openCount() {
    return groupFds.size() + (cdevOpened ? 1 : 0);
  }

  public boolean isOpen() {
    return openCount() > 0;
  }

  /**
   * The fd the device is asked through: its cdev, else the first device fd opened through its
   * group; empty when no holder has it open.
   */
  public Optional<FdRef> callerFd() {
    return cdevFd.isPresent() ? cdevFd : groupFds.stream().findFirst();
  }
}
