package org.vfioworkbench.model;

import java.util.Objects;

/**
 * The driver a function is bound to.
 *
 * @param kind what the binding means to VFIO
 * @param name the driver's name as in sysfs ({@code vfio-pci}, {@code snd_hda_intel}, ...), or
 *     empty for {@link DriverKind#NONE}
 */
public record Driver(DriverKind kind, String name) {

  public static final Driver VFIO_PCI = new Driver(DriverKind.VFIO_PCI, "vfio-pci");
  public static final Driver PCI_STUB = new Driver(DriverKind.PCI_STUB, "pci-stub");
  public static final Driver PCIEPORT = new Driver(DriverKind.PCIEPORT, "pcieport");
  public static final Driver NONE = new Driver(DriverKind.NONE, "");

  public Driver {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static Driver nativeDriver(String name) {
    return new Driver(DriverKind.NATIVE, name);
  }

  public static Driver vfioVariant(String name) {
    return new Driver(DriverKind.VFIO_PCI, name);
  }

  /** Bound to vfio-pci or a vfio-pci-core variant, hence a VFIO device and a dev-set member. */
  public boolean isVfio() {
    return kind == DriverKind.VFIO_PCI;
  }

  /**
   * True when the driver claims the IOMMU group's DMA ownership, making the group non-viable for
   * VFIO (every driver but vfio, pci-stub and pcieport, which set {@code driver_managed_dma}).
   */
  public boolean claimsDmaOwnership() {
    return kind == DriverKind.NATIVE;
  }

  /** The name shown to users: the driver name, or "no driver". */
  public String label() {
    return kind == DriverKind.NONE ? "no driver" : name;
  }
}
