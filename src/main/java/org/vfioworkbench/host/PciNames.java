package org.vfioworkbench.host;

import java.util.Objects;

/**
 * A function's names from the PCI ID database, written as {@code lspci -mm} writes them: a name
 * where the database has one, else lspci's fallback ({@code Device 37c0}, {@code Vendor 1bcf}).
 *
 * @param className the class ("Ethernet controller")
 * @param vendor the vendor ("Intel Corporation")
 * @param device the device ("Ethernet Connection X722 for 10GBASE-T")
 * @param subsystemVendor the subsystem vendor, empty when the function has no subsystem ids
 * @param subsystem the subsystem device, empty when the function has no subsystem ids
 * @param deviceKnown true when the database names the device (not a fallback)
 * @param source the database the names came from ("/usr/share/misc/pci.ids")
 */
public record PciNames(
    String className,
    String vendor,
    String device,
    String subsystemVendor,
    String subsystem,
    boolean deviceKnown,
    String source) {

  public PciNames {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(subsystemVendor, "subsystemVendor");
    Objects.requireNonNull(subsystem, "subsystem");
    Objects.requireNonNull(source, "source");
  }

  /** "Intel Corporation Ethernet Connection X722 for 10GBASE-T", as {@code lspci -tv} shows it. */
  public String vendorAndDevice() {
    return vendor + " " + device;
  }
}
