package org.vfioworkbench.ui.common;

import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.PciFunction;

/** How the workbench names things in every view, so that all views say the same. */
public final class Labels {

  private Labels() {}

  /** "02:00.1" for segment 0, else the full address. */
  public static String shortBdf(Bdf bdf) {
    return bdf.segment() == 0
        ? String.format("%02x:%02x.%x", bdf.bus(), bdf.device(), bdf.function())
        : bdf.toString();
  }

  /** A short device name: the description, or a name from the class code. */
  public static String deviceName(PciFunction f) {
    if (!f.description().isBlank()) {
      return f.description();
    }
    if (f.isBridge()) {
      return "PCI bridge";
    }
    return f.isVirtfn() ? "virtual function" : "function " + f.bdf().function();
  }

  /** "02:00.1 NIC port 1 [vfio-pci]". */
  public static String function(PciFunction f) {
    return shortBdf(f.bdf()) + " " + deviceName(f) + " [" + f.driver().label() + "]";
  }
}
