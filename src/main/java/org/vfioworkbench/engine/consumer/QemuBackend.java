package org.vfioworkbench.engine.consumer;

/** QEMU's two VFIO backends, which build different hot-reset requests. */
public enum QemuBackend {
  /** Container and groups ({@code vfio_legacy_pci_hot_reset}): an array of its group fds. */
  LEGACY("legacy"),
  /** Device cdev and iommufd ({@code iommufd_cdev_pci_hot_reset}): the zero-length array. */
  IOMMUFD("iommufd");

  private final String label;

  QemuBackend(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
