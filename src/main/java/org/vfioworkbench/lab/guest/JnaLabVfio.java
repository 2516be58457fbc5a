package org.vfioworkbench.lab.guest;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LabVfio} through JNA and libc, with the 6.12 UAPI layouts. Used only inside the lab
 * guest.
 */
public final class JnaLabVfio implements LabVfio {

  private static final int VFIO_TYPE = ';';
  private static final int VFIO_BASE = 100;
  private static final long SET_IOMMU = io(VFIO_BASE + 2);
  private static final long GROUP_SET_CONTAINER = io(VFIO_BASE + 4);
  private static final long GROUP_GET_DEVICE_FD = io(VFIO_BASE + 6);
  private static final long GET_PCI_HOT_RESET_INFO = io(VFIO_BASE + 12);
  private static final long PCI_HOT_RESET = io(VFIO_BASE + 13);
  private static final long BIND_IOMMUFD = io(VFIO_BASE + 18);
  private static final long ATTACH_IOMMUFD_PT = io(VFIO_BASE + 19);
  private static final long IOMMU_IOAS_ALLOC = io(0x81);
  private static final int O_RDWR = 2;
  private static final int O_CLOEXEC = 0x80000;
  /** Room for this many INFO entries; the lab's scopes are far smaller. */
  private static final int MAX_ENTRIES = 256;

  /** libc, with errno turned into exceptions. */
  interface LibC extends Library {
    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

    int ioctl(int fd, NativeLong request, NativeLong arg) throws LastErrorException;

    int capget(Pointer header, Pointer data) throws LastErrorException;

    int capset(Pointer header, Pointer data) throws LastErrorException;
  }

  private static final int CAP_VERSION_3 = 0x20080522;
  private static final int CAP_SYS_RAWIO = 17;

  private final LibC libc = Native.load("c", LibC.class);

  private static long io(int nr) {
    return ((long) VFIO_TYPE << 8) | nr;
  }

  @Override
  public int open(String path) throws LabCallException {
    try {
      return libc.open(path, O_RDWR | O_CLOEXEC);
    } catch (LastErrorException e) {
      throw new LabCallException("open(" + path + ")", e.getErrorCode());
    }
  }

  @Override
  public void close(int fd) {
    try {
      libc.close(fd);
    } catch (LastErrorException e) {
      // nothing to do: the guest is torn down after the run
    }
  }

  @Override
  public void setContainer(int group, int context) throws LabCallException {
    Memory m = struct(4);
    m.setInt(0, context);
    call("VFIO_GROUP_SET_CONTAINER", group, GROUP_SET_CONTAINER, m);
  }

  @Override
  public void setIommu(int container, int type) throws LabCallException {
    try {
      libc.ioctl(container, new NativeLong(SET_IOMMU), new NativeLong(type));
    } catch (LastErrorException e) {
      throw new LabCallException("VFIO_SET_IOMMU", e.getErrorCode());
    }
  }

  @Override
  public int groupDeviceFd(int group, String bdf) throws LabCallException {
    Memory name = struct(64);
    name.setString(0, bdf);
    return call("VFIO_GROUP_GET_DEVICE_FD", group, GROUP_GET_DEVICE_FD, name);
  }

  @Override
  public int bindIommufd(int device, int iommufd) throws LabCallException {
    Memory m = struct(16);
    m.setInt(0, 16);
    m.setInt(8, iommufd);
    call("VFIO_DEVICE_BIND_IOMMUFD", device, BIND_IOMMUFD, m);
    return m.getInt(12);
  }

  @Override
  public int ioasAlloc(int iommufd) throws LabCallException {
    Memory m = struct(12);
    m.setInt(0, 12);
    call("IOMMU_IOAS_ALLOC", iommufd, IOMMU_IOAS_ALLOC, m);
    return m.getInt(8);
  }

  @Override
  public void attachIommufdPt(int device, int ptId) throws LabCallException {
    Memory m = struct(12);
    m.setInt(0, 12);
    m.setInt(8, ptId);
    call("VFIO_DEVICE_ATTACH_IOMMUFD_PT", device, ATTACH_IOMMUFD_PT, m);
  }

  @Override
  public void setRawio(boolean effective) throws LabCallException {
    Memory header = struct(8);
    header.setInt(0, CAP_VERSION_3);
    Memory data = struct(24);
    try {
      libc.capget(header, data);
      int eff = data.getInt(0);
      eff = effective ? eff | (1 << CAP_SYS_RAWIO) : eff & ~(1 << CAP_SYS_RAWIO);
      data.setInt(0, eff);
      libc.capset(header, data);
    } catch (LastErrorException e) {
      throw new LabCallException("capset(CAP_SYS_RAWIO)", e.getErrorCode());
    }
  }

  @Override
  public RawInfo hotResetInfo(int device, long argsz) {
    int room = 12 + 8 * MAX_ENTRIES;
    Memory m = struct(room);
    long header = argsz < 0 ? room : Math.min(argsz, room);
    m.setInt(0, (int) header);
    int ret = 0;
    try {
      libc.ioctl(device, new NativeLong(GET_PCI_HOT_RESET_INFO), m);
    } catch (LastErrorException e) {
      ret = -e.getErrorCode();
    }
    int flags = m.getInt(4);
    int count = m.getInt(8);
    List<long[]> entries = new ArrayList<>();
    if (ret == 0) {
      for (int i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
        int at = 12 + 8 * i;
        entries.add(new long[] {
            Short.toUnsignedInt(m.getShort(at + 4)), Byte.toUnsignedInt(m.getByte(at + 6)),
            Byte.toUnsignedInt(m.getByte(at + 7)), Integer.toUnsignedLong(m.getInt(at))});
      }
    }
    return new RawInfo(ret, flags, count, entries);
  }

  @Override
  public int hotReset(int device, long argsz, long flags, int[] fds) {
    Memory m = struct(12 + 4L * Math.max(fds.length, 1));
    m.setInt(0, (int) (argsz < 0 ? 12 + 4L * fds.length : argsz));
    m.setInt(4, (int) flags);
    m.setInt(8, fds.length);
    for (int i = 0; i < fds.length; i++) {
      m.setInt(12 + 4L * i, fds[i]);
    }
    try {
      libc.ioctl(device, new NativeLong(PCI_HOT_RESET), m);
      return 0;
    } catch (LastErrorException e) {
      return -e.getErrorCode();
    }
  }

  private int call(String name, int fd, long request, Pointer arg) throws LabCallException {
    try {
      return libc.ioctl(fd, new NativeLong(request), arg);
    } catch (LastErrorException e) {
      throw new LabCallException(name, e.getErrorCode());
    }
  }

  private static Memory struct(long size) {
    Memory m = new Memory(size);
    m.clear();
    return m;
  }
}
