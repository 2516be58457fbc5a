package org.vfioworkbench.engine.consumer;

/**
 * The consumer releases the models follow, and the source files they were read from. Update these
 * with the models when a newer release changes the paths or the messages.
 */
public final class ConsumerRelease {

  /** The QEMU whose vfio-pci reset paths {@link QemuReset} follows. */
  public static final String QEMU = "QEMU 10.2";

  /**
   * Where in QEMU's tree. The printed lines are older than the release: the legacy ones date from
   * the first vfio-pci hot reset, the iommufd one from QEMU 8.2, which added that backend.
   */
  public static final String QEMU_SOURCES =
      "hw/vfio/pci.c (vfio_pci_reset, vfio_pci_hot_reset_one, vfio_pci_hot_reset_multi,"
          + " vfio_pci_get_pci_hot_reset_info), hw/vfio/container-legacy.c"
          + " (vfio_legacy_pci_hot_reset; hw/vfio/container.c in earlier releases),"
          + " hw/vfio/iommufd.c (iommufd_cdev_pci_hot_reset)";

  /** The libvirt whose {@code virPCIDeviceReset} {@link LibvirtReset} follows. */
  public static final String LIBVIRT =
      "libvirt (current tree; same message text in older releases)";

  /** Where in libvirt's tree. */
  public static final String LIBVIRT_SOURCES =
      "src/util/virpci.c (virPCIDeviceReset, virPCIDeviceTrySecondaryBusReset,"
          + " virPCIDeviceSharesBusWithActive)";

  private ConsumerRelease() {}
}
