package org.vfioworkbench.host.sysfs;

import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.DriverKind;

/**
 * Maps a sysfs driver name to what it means to VFIO: {@code vfio-pci} and the vfio-pci-core
 * variants ({@code mlx5_vfio_pci}, {@code nvgrace_gpu_vfio_pci}, ...) are VFIO devices; {@code
 * pci-stub} and {@code pcieport} keep a group viable; anything else is a native driver.
 */
public final class DriverClassifier {

  private DriverClassifier() {}

  /** The driver for {@code name}; {@code null} or empty means no driver is bound. */
  public static Driver classify(String name) {
    if (name == null || name.isEmpty()) {
      return Driver.NONE;
    }
    if (name.equals("vfio-pci")) {
      return Driver.VFIO_PCI;
    }
    if (name.endsWith("vfio_pci") || name.endsWith("vfio-pci")) {
      return Driver.vfioVariant(name);
    }
    if (name.equals("pci-stub")) {
      return Driver.PCI_STUB;
    }
    if (name.equals("pcieport")) {
      return Driver.PCIEPORT;
    }
    return new Driver(DriverKind.NATIVE, name);
  }
}
