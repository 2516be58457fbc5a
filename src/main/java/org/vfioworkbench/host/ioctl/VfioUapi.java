package org.vfioworkbench.host.ioctl;

import static org.vfioworkbench.host.ioctl.StructLayout.u32;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VFIO and iommufd UAPI the project uses (Linux 6.12 {@code linux/vfio.h} and {@code
 * linux/iommufd.h}), plus the two {@code linux/capability.h} structs of {@code capget}/{@code
 * capset} the kernel lab's guest needs: ioctl numbers, flag values and struct layouts, in one place
 * so the layout test can check every number against the kernel's headers.
 */
public final class VfioUapi {

  private VfioUapi() {}

  /** {@code _IO(type, nr)}: no direction, no size; VFIO and iommufd encode sizes in argsz. */
  public static long io(char type, int nr) {
    return ((long) type << 8) | nr;
  }

  static final char VFIO_TYPE = ';';
  static final int VFIO_BASE = 100;
  static final int IOMMUFD_CMD_BASE = 0x80;

  public static final long VFIO_GET_API_VERSION = io(VFIO_TYPE, VFIO_BASE);
  public static final long VFIO_CHECK_EXTENSION = io(VFIO_TYPE, VFIO_BASE + 1);
  public static final long VFIO_SET_IOMMU = io(VFIO_TYPE, VFIO_BASE + 2);
  public static final long VFIO_GROUP_GET_STATUS = io(VFIO_TYPE, VFIO_BASE + 3);
  public static final long VFIO_GROUP_SET_CONTAINER = io(VFIO_TYPE, VFIO_BASE + 4);
  public static final long VFIO_GROUP_GET_DEVICE_FD = io(VFIO_TYPE, VFIO_BASE + 6);
  public static final long VFIO_DEVICE_GET_INFO = io(VFIO_TYPE, VFIO_BASE + 7);
  public static final long VFIO_DEVICE_GET_PCI_HOT_RESET_INFO = io(VFIO_TYPE, VFIO_BASE + 12);
  public static final long VFIO_DEVICE_PCI_HOT_RESET = io(VFIO_TYPE, VFIO_BASE + 13);
  public static final long VFIO_DEVICE_BIND_IOMMUFD = io(VFIO_TYPE, VFIO_BASE + 18);
  public static final long VFIO_DEVICE_ATTACH_IOMMUFD_PT = io(VFIO_TYPE, VFIO_BASE + 19);
  public static final long IOMMU_DESTROY = io(VFIO_TYPE, IOMMUFD_CMD_BASE);
  public static final long IOMMU_IOAS_ALLOC = io(VFIO_TYPE, IOMMUFD_CMD_BASE + 1);

  public static final int VFIO_API_VERSION = 0;
  public static final int VFIO_TYPE1_IOMMU = 1;
  public static final int VFIO_TYPE1V2_IOMMU = 3;
  public static final int VFIO_NOIOMMU_IOMMU = 8;
  public static final int VFIO_GROUP_FLAGS_VIABLE = 1;
  public static final int VFIO_GROUP_FLAGS_CONTAINER_SET = 1 << 1;
  public static final int VFIO_DEVICE_FLAGS_RESET = 1;
  public static final int VFIO_DEVICE_FLAGS_PCI = 1 << 1;
  public static final int VFIO_DEVICE_FLAGS_CAPS = 1 << 7;
  public static final int VFIO_PCI_HOT_RESET_FLAG_DEV_ID = 1;
  public static final int VFIO_PCI_HOT_RESET_FLAG_DEV_ID_OWNED = 1 << 1;
  public static final int VFIO_PCI_DEVID_OWNED = 0;
  public static final int VFIO_PCI_DEVID_NOT_OWNED = -1;
  public static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;
  public static final int LINUX_CAPABILITY_U32S_3 = 2;
  public static final int CAP_SYS_RAWIO = 17;

  public static final StructLayout GROUP_STATUS =
      new StructLayout("struct vfio_group_status", 8, List.of(u32("argsz", 0), u32("flags", 4)));

  public static final StructLayout DEVICE_INFO =
      new StructLayout(
          "struct vfio_device_info",
          24,
          List.of(
              u32("argsz", 0),
              u32("flags", 4),
              u32("num_regions", 8),
              u32("num_irqs", 12),
              u32("cap_offset", 16),
              u32("pad", 20)));

  public static final StructLayout DEPENDENT_DEVICE =
      new StructLayout(
          "struct vfio_pci_dependent_device",
          8,
          List.of(
              u32("group_id", 0),
              u32("devid", 0),
              new StructLayout.Field("segment", 4, 2),
              new StructLayout.Field("bus", 6, 1),
              new StructLayout.Field("devfn", 7, 1)));

  public static final StructLayout HOT_RESET_INFO =
      new StructLayout(
          "struct vfio_pci_hot_reset_info",
          12,
          List.of(
              u32("argsz", 0),
              u32("flags", 4),
              u32("count", 8),
              new StructLayout.Field("devices[0]", 12, 8)));

  public static final StructLayout HOT_RESET =
      new StructLayout(
          "struct vfio_pci_hot_reset",
          12,
          List.of(u32("argsz", 0), u32("flags", 4), u32("count", 8), u32("group_fds[0]", 12)));

  public static final StructLayout BIND_IOMMUFD =
      new StructLayout(
          "struct vfio_device_bind_iommufd",
          16,
          List.of(u32("argsz", 0), u32("flags", 4), u32("iommufd", 8), u32("out_devid", 12)));

  public static final StructLayout ATTACH_IOMMUFD_PT =
      new StructLayout(
          "struct vfio_device_attach_iommufd_pt",
          12,
          List.of(u32("argsz", 0), u32("flags", 4), u32("pt_id", 8)));

  public static final StructLayout IOAS_ALLOC =
      new StructLayout(
          "struct iommu_ioas_alloc",
          12,
          List.of(u32("size", 0), u32("flags", 4), u32("out_ioas_id", 8)));

  public static final StructLayout IOMMU_DESTROY_ARGS =
      new StructLayout("struct iommu_destroy", 8, List.of(u32("size", 0), u32("id", 4)));

  /** {@code capget}/{@code capset}'s header: version 3 and the pid (0: this thread). */
  public static final StructLayout CAP_USER_HEADER =
      new StructLayout(
          "struct __user_cap_header_struct", 8, List.of(u32("version", 0), u32("pid", 4)));

  /** One of the {@link #LINUX_CAPABILITY_U32S_3} capability words that version 3 passes. */
  public static final StructLayout CAP_USER_DATA =
      new StructLayout(
          "struct __user_cap_data_struct",
          12,
          List.of(u32("effective", 0), u32("permitted", 4), u32("inheritable", 8)));

  /** Every struct layout the binding uses. */
  public static List<StructLayout> layouts() {
    return List.of(
        GROUP_STATUS,
        DEVICE_INFO,
        DEPENDENT_DEVICE,
        HOT_RESET_INFO,
        HOT_RESET,
        BIND_IOMMUFD,
        ATTACH_IOMMUFD_PT,
        IOAS_ALLOC,
        IOMMU_DESTROY_ARGS,
        CAP_USER_HEADER,
        CAP_USER_DATA);
  }

  /** Every ioctl number and constant the binding uses, by its C macro name. */
  public static Map<String, Long> constants() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("VFIO_GET_API_VERSION", VFIO_GET_API_VERSION);
    m.put("VFIO_CHECK_EXTENSION", VFIO_CHECK_EXTENSION);
    m.put("VFIO_SET_IOMMU", VFIO_SET_IOMMU);
    m.put("VFIO_GROUP_GET_STATUS", VFIO_GROUP_GET_STATUS);
    m.put("VFIO_GROUP_SET_CONTAINER", VFIO_GROUP_SET_CONTAINER);
    m.put("VFIO_GROUP_GET_DEVICE_FD", VFIO_GROUP_GET_DEVICE_FD);
    m.put("VFIO_DEVICE_GET_INFO", VFIO_DEVICE_GET_INFO);
    m.put("VFIO_DEVICE_GET_PCI_HOT_RESET_INFO", VFIO_DEVICE_GET_PCI_HOT_RESET_INFO);
    m.put("VFIO_DEVICE_PCI_HOT_RESET", VFIO_DEVICE_PCI_HOT_RESET);
    m.put("VFIO_DEVICE_BIND_IOMMUFD", VFIO_DEVICE_BIND_IOMMUFD);
    m.put("VFIO_DEVICE_ATTACH_IOMMUFD_PT", VFIO_DEVICE_ATTACH_IOMMUFD_PT);
    m.put("IOMMU_DESTROY", IOMMU_DESTROY);
    m.put("IOMMU_IOAS_ALLOC", IOMMU_IOAS_ALLOC);
    m.put("VFIO_API_VERSION", (long) VFIO_API_VERSION);
    m.put("VFIO_TYPE1_IOMMU", (long) VFIO_TYPE1_IOMMU);
    m.put("VFIO_TYPE1v2_IOMMU", (long) VFIO_TYPE1V2_IOMMU);
    m.put("VFIO_NOIOMMU_IOMMU", (long) VFIO_NOIOMMU_IOMMU);
    m.put("VFIO_GROUP_FLAGS_VIABLE", (long) VFIO_GROUP_FLAGS_VIABLE);
    m.put("VFIO_GROUP_FLAGS_CONTAINER_SET", (long) VFIO_GROUP_FLAGS_CONTAINER_SET);
    m.put("VFIO_DEVICE_FLAGS_RESET", (long) VFIO_DEVICE_FLAGS_RESET);
    m.put("VFIO_DEVICE_FLAGS_PCI", (long) VFIO_DEVICE_FLAGS_PCI);
    m.put("VFIO_DEVICE_FLAGS_CAPS", (long) VFIO_DEVICE_FLAGS_CAPS);
    m.put("VFIO_PCI_HOT_RESET_FLAG_DEV_ID", (long) VFIO_PCI_HOT_RESET_FLAG_DEV_ID);
    m.put("VFIO_PCI_HOT_RESET_FLAG_DEV_ID_OWNED", (long) VFIO_PCI_HOT_RESET_FLAG_DEV_ID_OWNED);
    m.put("VFIO_PCI_DEVID_OWNED", (long) VFIO_PCI_DEVID_OWNED);
    m.put("VFIO_PCI_DEVID_NOT_OWNED", (long) VFIO_PCI_DEVID_NOT_OWNED);
    m.put("_LINUX_CAPABILITY_VERSION_3", (long) LINUX_CAPABILITY_VERSION_3);
    m.put("_LINUX_CAPABILITY_U32S_3", (long) LINUX_CAPABILITY_U32S_3);
    m.put("CAP_SYS_RAWIO", (long) CAP_SYS_RAWIO);
    return m;
  }
}
