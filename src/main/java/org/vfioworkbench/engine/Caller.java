package org.vfioworkbench.engine;

import java.util.Optional;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;

/**
 * The device an ioctl was called on, after the fd gate: which function, through which path.
 *
 * @param ref the fd
 * @param bdf the device
 * @param cdevOpened whether the device is cdev-opened (decides INFO's mode and HOT_RESET's calling
 *     convention)
 * @param ictx the caller's iommufd context ({@code vfio_iommufd_device_ictx}), if bound
 */
record Caller(FdRef ref, Bdf bdf, boolean cdevOpened, Optional<String> ictx) {}
