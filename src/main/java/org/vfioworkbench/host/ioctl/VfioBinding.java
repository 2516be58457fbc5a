package org.vfioworkbench.host.ioctl;

import static org.vfioworkbench.host.ioctl.VfioUapi.ATTACH_IOMMUFD_PT;
import static org.vfioworkbench.host.ioctl.VfioUapi.BIND_IOMMUFD;
import static org.vfioworkbench.host.ioctl.VfioUapi.CAP_USER_DATA;
import static org.vfioworkbench.host.ioctl.VfioUapi.CAP_USER_HEADER;
import static org.vfioworkbench.host.ioctl.VfioUapi.DEPENDENT_DEVICE;
import static org.vfioworkbench.host.ioctl.VfioUapi.DEVICE_INFO;
import static org.vfioworkbench.host.ioctl.VfioUapi.GROUP_STATUS;
import static org.vfioworkbench.host.ioctl.VfioUapi.HOT_RESET;
import static org.vfioworkbench.host.ioctl.VfioUapi.HOT_RESET_INFO;
import static org.vfioworkbench.host.ioctl.VfioUapi.IOAS_ALLOC;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.model.Bdf;

/**
 * The VFIO and iommufd ioctls, called through JNA with structs laid out as {@link VfioUapi} says:
 * the project's one native binding, used by the probe and by the kernel lab's guest. Each method is
 * one system call (or a fixed pair); errors come back as {@link VfioCallException} with the
 * kernel's errno. Nothing here decides whether a call is safe: {@link ProbePlan} does that on a
 * real host, and the lab's guest runner refuses to run outside a lab guest.
 */
public final class VfioBinding {

  private final LibC libc;

  public VfioBinding() {
    this.libc = LibC.Holder.INSTANCE;
  }

  /** Status of a group file. */
  public record GroupStatus(int flags) {
    public boolean viable() {
      return (flags & VfioUapi.VFIO_GROUP_FLAGS_VIABLE) != 0;
    }

    public boolean containerSet() {
      return (flags & VfioUapi.VFIO_GROUP_FLAGS_CONTAINER_SET) != 0;
    }
  }

  /** {@code struct vfio_device_info}. */
  public record DeviceInfo(int flags, int numRegions, int numIrqs) {}

  /**
   * One {@code struct vfio_pci_dependent_device}.
   *
   * @param bdf the affected function
   * @param id group id, devid, or the OWNED / NOT_OWNED sentinels, as an unsigned u32
   */
  public record Dependent(Bdf bdf, long id) {}

  /** The INFO reply: flags and entries. */
  public record HotResetInfo(int flags, List<Dependent> devices) {}

  /**
   * One INFO call as the caller wrote it, never thrown: the return value and the header the kernel
   * wrote back are part of the answer (the kernel lab compares them field by field).
   *
   * @param ret 0 or -errno
   * @param flags the header's flags after the call
   * @param count the header's count after the call
   * @param devices the entries written (at most count, read only when the call succeeded)
   */
  public record RawHotResetInfo(int ret, int flags, int count, List<Dependent> devices) {
    public RawHotResetInfo {
      devices = List.copyOf(devices);
    }
  }

  /** Room for this many entries in {@link #hotResetInfoAsWritten}; lab scopes are far smaller. */
  public static final int RAW_INFO_ENTRIES = 256;

  public int geteuid() {
    return libc.geteuid();
  }

  public int open(String path) throws VfioCallException {
    try {
      return libc.open(path, LibC.O_RDWR | LibC.O_CLOEXEC);
    } catch (LastErrorException e) {
      throw new VfioCallException("open(" + path + ")", e.getErrorCode());
    }
  }

  public void close(int fd) {
    try {
      libc.close(fd);
    } catch (LastErrorException e) {
      // Closing a descriptor we opened cannot fail in a way the probe can act on.
    }
  }

  public int apiVersion(int container) throws VfioCallException {
    return ioctl("VFIO_GET_API_VERSION", container, VfioUapi.VFIO_GET_API_VERSION, 0);
  }

  public boolean checkExtension(int container, int extension) throws VfioCallException {
    return ioctl("VFIO_CHECK_EXTENSION", container, VfioUapi.VFIO_CHECK_EXTENSION, extension) > 0;
  }

  public void setIommu(int container, int type) throws VfioCallException {
    ioctl("VFIO_SET_IOMMU", container, VfioUapi.VFIO_SET_IOMMU, type);
  }

  public GroupStatus groupStatus(int group) throws VfioCallException {
    Memory m = struct(GROUP_STATUS.size());
    m.setInt(GROUP_STATUS.offset("argsz"), GROUP_STATUS.size());
    ioctl("VFIO_GROUP_GET_STATUS", group, VfioUapi.VFIO_GROUP_GET_STATUS, m);
    return new GroupStatus(m.getInt(GROUP_STATUS.offset("flags")));
  }

  public void setContainer(int group, int container) throws VfioCallException {
    Memory m = struct(4);
    m.setInt(0, container);
    ioctl("VFIO_GROUP_SET_CONTAINER", group, VfioUapi.VFIO_GROUP_SET_CONTAINER, m);
  }

  public int groupDeviceFd(int group, Bdf device) throws VfioCallException {
    Memory name = struct(32);
    name.setString(0, device.toString());
    return ioctl("VFIO_GROUP_GET_DEVICE_FD", group, VfioUapi.VFIO_GROUP_GET_DEVICE_FD, name);
  }

  public DeviceInfo deviceInfo(int device) throws VfioCallException {
    Memory m = struct(DEVICE_INFO.size());
    m.setInt(DEVICE_INFO.offset("argsz"), DEVICE_INFO.size());
    ioctl("VFIO_DEVICE_GET_INFO", device, VfioUapi.VFIO_DEVICE_GET_INFO, m);
    return new DeviceInfo(
        m.getInt(DEVICE_INFO.offset("flags")),
        m.getInt(DEVICE_INFO.offset("num_regions")),
        m.getInt(DEVICE_INFO.offset("num_irqs")));
  }

  /**
   * INFO the way QEMU calls it: a header-only call to learn the count (-ENOSPC), then a call with
   * room for every entry.
   */
  public HotResetInfo hotResetInfo(int device) throws VfioCallException {
    int count;
    Memory probe = struct(HOT_RESET_INFO.size());
    probe.setInt(HOT_RESET_INFO.offset("argsz"), HOT_RESET_INFO.size());
    try {
      ioctl(
          "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO",
          device,
          VfioUapi.VFIO_DEVICE_GET_PCI_HOT_RESET_INFO,
          probe);
      count = probe.getInt(HOT_RESET_INFO.offset("count"));
    } catch (VfioCallException e) {
      if (e.errno() != 28) { // ENOSPC
        throw e;
      }
      count = probe.getInt(HOT_RESET_INFO.offset("count"));
    }
    int entry = DEPENDENT_DEVICE.size();
    int argsz = HOT_RESET_INFO.size() + entry * count;
    Memory m = struct(argsz);
    m.setInt(HOT_RESET_INFO.offset("argsz"), argsz);
    ioctl(
        "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO",
        device,
        VfioUapi.VFIO_DEVICE_GET_PCI_HOT_RESET_INFO,
        m);
    int n = m.getInt(HOT_RESET_INFO.offset("count"));
    return new HotResetInfo(
        m.getInt(HOT_RESET_INFO.offset("flags")), dependents(m, Math.min(n, count)));
  }

  /**
   * One INFO call with the header's argsz set to {@code argsz} (negative: the whole buffer) in a
   * buffer with room for {@link #RAW_INFO_ENTRIES} entries; an argsz beyond the buffer is clipped
   * to it. Used by the kernel lab to replay the exact calls a scenario names.
   */
  public RawHotResetInfo hotResetInfoAsWritten(int device, long argsz) {
    int room = HOT_RESET_INFO.size() + DEPENDENT_DEVICE.size() * RAW_INFO_ENTRIES;
    Memory m = struct(room);
    m.setInt(HOT_RESET_INFO.offset("argsz"), (int) (argsz < 0 ? room : Math.min(argsz, room)));
    int ret = 0;
    try {
      ioctl(
          "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO",
          device,
          VfioUapi.VFIO_DEVICE_GET_PCI_HOT_RESET_INFO,
          m);
    } catch (VfioCallException e) {
      ret = -e.errno();
    }
    int count = m.getInt(HOT_RESET_INFO.offset("count"));
    List<Dependent> devs = ret == 0 ? dependents(m, Math.min(count, RAW_INFO_ENTRIES)) : List.of();
    return new RawHotResetInfo(ret, m.getInt(HOT_RESET_INFO.offset("flags")), count, devs);
  }

  private static List<Dependent> dependents(Memory m, int n) {
    List<Dependent> devs = new ArrayList<>();
    int base = HOT_RESET_INFO.offset("devices[0]");
    int entry = DEPENDENT_DEVICE.size();
    for (int i = 0; i < n; i++) {
      int at = base + i * entry;
      long id = Integer.toUnsignedLong(m.getInt(at + DEPENDENT_DEVICE.offset("group_id")));
      int segment = Short.toUnsignedInt(m.getShort(at + DEPENDENT_DEVICE.offset("segment")));
      int bus = Byte.toUnsignedInt(m.getByte(at + DEPENDENT_DEVICE.offset("bus")));
      int devfn = Byte.toUnsignedInt(m.getByte(at + DEPENDENT_DEVICE.offset("devfn")));
      devs.add(new Dependent(Bdf.ofDevfn(segment, bus, devfn), id));
    }
    return devs;
  }

  /** HOT_RESET with these group fds (the zero-length form when empty). */
  public void hotReset(int device, int[] groupFds) throws VfioCallException {
    int argsz = HOT_RESET.size() + 4 * groupFds.length;
    Memory m = struct(argsz);
    m.setInt(HOT_RESET.offset("argsz"), argsz);
    m.setInt(HOT_RESET.offset("count"), groupFds.length);
    for (int i = 0; i < groupFds.length; i++) {
      m.setInt(HOT_RESET.offset("group_fds[0]") + 4L * i, groupFds[i]);
    }
    ioctl("VFIO_DEVICE_PCI_HOT_RESET", device, VfioUapi.VFIO_DEVICE_PCI_HOT_RESET, m);
  }

  /**
   * HOT_RESET with the header as written: {@code argsz} (negative: the natural size), {@code flags}
   * and the fd array (count = its length). Used by the kernel lab to replay malformed headers a
   * scenario names.
   */
  public void hotResetAsWritten(int device, long argsz, int flags, int[] fds)
      throws VfioCallException {
    int natural = HOT_RESET.size() + 4 * fds.length;
    Memory m = struct(HOT_RESET.size() + 4 * Math.max(fds.length, 1));
    m.setInt(HOT_RESET.offset("argsz"), (int) (argsz < 0 ? natural : argsz));
    m.setInt(HOT_RESET.offset("flags"), flags);
    m.setInt(HOT_RESET.offset("count"), fds.length);
    for (int i = 0; i < fds.length; i++) {
      m.setInt(HOT_RESET.offset("group_fds[0]") + 4L * i, fds[i]);
    }
    ioctl("VFIO_DEVICE_PCI_HOT_RESET", device, VfioUapi.VFIO_DEVICE_PCI_HOT_RESET, m);
  }

  /**
   * Raises or drops one capability in this thread's effective set (it stays permitted), with {@code
   * capget} and {@code capset}, version 3. The kernel lab's guest uses it to act as holders with
   * and without {@code CAP_SYS_RAWIO} in one process.
   */
  public void setEffectiveCapability(int capability, boolean effective) throws VfioCallException {
    if (capability < 0 || capability >= 32 * VfioUapi.LINUX_CAPABILITY_U32S_3) {
      throw new IllegalArgumentException("no such capability: " + capability);
    }
    Memory header = struct(CAP_USER_HEADER.size());
    header.setInt(CAP_USER_HEADER.offset("version"), VfioUapi.LINUX_CAPABILITY_VERSION_3);
    Memory data = struct(CAP_USER_DATA.size() * VfioUapi.LINUX_CAPABILITY_U32S_3);
    long word = (long) CAP_USER_DATA.size() * (capability / 32) + CAP_USER_DATA.offset("effective");
    int bit = 1 << (capability % 32);
    try {
      libc.capget(header, data);
      int set = data.getInt(word);
      data.setInt(word, effective ? set | bit : set & ~bit);
      libc.capset(header, data);
    } catch (LastErrorException e) {
      throw new VfioCallException("capset(" + capability + ")", e.getErrorCode());
    }
  }

  /** Binds a cdev fd to an iommufd; returns the devid. */
  public int bindIommufd(int device, int iommufd) throws VfioCallException {
    Memory m = struct(BIND_IOMMUFD.size());
    m.setInt(BIND_IOMMUFD.offset("argsz"), BIND_IOMMUFD.size());
    m.setInt(BIND_IOMMUFD.offset("iommufd"), iommufd);
    ioctl("VFIO_DEVICE_BIND_IOMMUFD", device, VfioUapi.VFIO_DEVICE_BIND_IOMMUFD, m);
    return m.getInt(BIND_IOMMUFD.offset("out_devid"));
  }

  public void attachIommufdPt(int device, int ptId) throws VfioCallException {
    Memory m = struct(ATTACH_IOMMUFD_PT.size());
    m.setInt(ATTACH_IOMMUFD_PT.offset("argsz"), ATTACH_IOMMUFD_PT.size());
    m.setInt(ATTACH_IOMMUFD_PT.offset("pt_id"), ptId);
    ioctl("VFIO_DEVICE_ATTACH_IOMMUFD_PT", device, VfioUapi.VFIO_DEVICE_ATTACH_IOMMUFD_PT, m);
  }

  /** Allocates an IO address space in an iommufd; returns its id. */
  public int ioasAlloc(int iommufd) throws VfioCallException {
    Memory m = struct(IOAS_ALLOC.size());
    m.setInt(IOAS_ALLOC.offset("size"), IOAS_ALLOC.size());
    ioctl("IOMMU_IOAS_ALLOC", iommufd, VfioUapi.IOMMU_IOAS_ALLOC, m);
    return m.getInt(IOAS_ALLOC.offset("out_ioas_id"));
  }

  private static Memory struct(int size) {
    Memory m = new Memory(size);
    m.clear();
    return m;
  }

  private int ioctl(String name, int fd, long request, Pointer arg) throws VfioCallException {
    try {
      return libc.ioctl(fd, new NativeLong(request), arg);
    } catch (LastErrorException e) {
      throw new VfioCallException(name, e.getErrorCode());
    }
  }

  private int ioctl(String name, int fd, long request, long arg) throws VfioCallException {
    try {
      return libc.ioctl(fd, new NativeLong(request), new NativeLong(arg));
    } catch (LastErrorException e) {
      throw new VfioCallException(name, e.getErrorCode());
    }
  }
}
