package org.vfioworkbench.lab.guest;

import java.util.List;
import org.vfioworkbench.host.ioctl.VfioUapi;

/**
 * The VFIO and iommufd calls the guest runner makes. Every method is one system call (or a fixed
 * pair) and reports failure as {@link LabCallException} with the kernel's errno.
 */
public interface LabVfio {

  int open(String path) throws LabCallException;

  void close(int fd);

  void setContainer(int group, int containerOrIommufd) throws LabCallException;

  void setIommu(int container, int type) throws LabCallException;

  int groupDeviceFd(int group, String bdf) throws LabCallException;

  /** Binds a cdev fd to an iommufd; returns the devid. */
  int bindIommufd(int device, int iommufd) throws LabCallException;

  int ioasAlloc(int iommufd) throws LabCallException;

  void attachIommufdPt(int device, int ptId) throws LabCallException;

  /**
   * Raises or drops CAP_SYS_RAWIO in the effective set (it stays permitted), so one process can act
   * as holders with and without it.
   */
  void setRawio(boolean effective) throws LabCallException;

  /** INFO with this argsz; never throws: the return value and header are part of the answer. */
  RawInfo hotResetInfo(int device, long argsz);

  /** HOT_RESET with this header and array; returns 0 or -errno. */
  int hotReset(int device, long argsz, long flags, int[] fds);

  /**
   * A raw INFO reply.
   *
   * @param ret 0 or -errno
   * @param flags the header's flags after the call
   * @param count the header's count after the call
   * @param entries the entries written (at most count), as (segment, bus, devfn, id)
   */
  record RawInfo(int ret, int flags, int count, List<long[]> entries) {}

  /** {@code VFIO_TYPE1v2_IOMMU}. */
  int TYPE1V2 = VfioUapi.VFIO_TYPE1V2_IOMMU;

  /** {@code VFIO_NOIOMMU_IOMMU}. */
  int NOIOMMU = VfioUapi.VFIO_NOIOMMU_IOMMU;
}
