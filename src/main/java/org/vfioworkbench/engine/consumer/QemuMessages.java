package org.vfioworkbench.engine.consumer;

import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.model.Bdf;

/**
 * The lines QEMU's vfio-pci reset prints with {@code error_report}, with QEMU's own format strings
 * (C's {@code %s}, {@code %d}, {@code %04x:%02x:%02x.%x} and {@code %m} mean the same in {@link
 * String#format}, {@code %m} being {@code strerror(errno)}). QEMU prefixes each line with the
 * program name when it runs without a monitor ({@code qemu-system-x86_64: }); these are the lines
 * without that prefix.
 */
public final class QemuMessages {

  /** {@code vfio_pci_get_pci_hot_reset_info}: the first INFO failed with anything but ENOSPC. */
  public static final String NO_RESET_MECHANISM =
      "vfio: Cannot reset device %s, no available reset mechanism.";

  /** {@code vfio_pci_get_pci_hot_reset_info}: the second INFO (full buffer) failed. */
  public static final String HOT_RESET_INFO_FAILED = "vfio: hot reset info failed: %s";

  /** {@code vfio_legacy_pci_hot_reset}: INFO names a group QEMU has not opened. */
  public static final String GROUP_NOT_OWNED =
      "vfio: Cannot reset device %s, depends on group %d which is not owned.";

  /** {@code iommufd_cdev_pci_hot_reset}: INFO reports a device as NOT_OWNED. */
  public static final String DEVICE_NOT_OWNED =
      "vfio: Cannot reset device %s, depends on device %04x:%02x:%02x.%x which is not owned.";

  private QemuMessages() {}

  public static String noResetMechanism(Bdf device) {
    return String.format(NO_RESET_MECHANISM, device);
  }

  public static String hotResetInfoFailed(Errno errno) {
    return String.format(HOT_RESET_INFO_FAILED, errno.message());
  }

  public static String groupNotOwned(Bdf device, int group) {
    return String.format(GROUP_NOT_OWNED, device, group);
  }

  public static String deviceNotOwned(Bdf device, Bdf dependent) {
    return String.format(
        DEVICE_NOT_OWNED,
        device,
        dependent.segment(),
        dependent.bus(),
        dependent.device(),
        dependent.function());
  }
}
