package org.vfioworkbench.ui.properties;

import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.DriverKind;

/** The driver bindings the Properties view offers. */
public enum DriverChoice {
  VFIO_PCI("vfio-pci"),
  PCI_STUB("pci-stub"),
  NATIVE("native driver"),
  NONE("no driver");

  private final String label;

  DriverChoice(String label) {
    this.label = label;
  }

  public static DriverChoice of(Driver d) {
    return switch (d.kind()) {
      case VFIO_PCI -> VFIO_PCI;
      case PCI_STUB -> PCI_STUB;
      case NATIVE -> NATIVE;
      case NONE, PCIEPORT -> NONE;
    };
  }

  /** The driver this choice binds; a native choice keeps the current native driver's name. */
  public Driver toDriver(Driver current) {
    return switch (this) {
      case VFIO_PCI -> Driver.VFIO_PCI;
      case PCI_STUB -> Driver.PCI_STUB;
      case NATIVE -> current.kind() == DriverKind.NATIVE ? current : Driver.nativeDriver("native");
      case NONE -> Driver.NONE;
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
