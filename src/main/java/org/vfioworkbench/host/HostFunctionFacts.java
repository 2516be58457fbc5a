package org.vfioworkbench.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.model.Bdf;

/**
 * What the scan read about one function beyond what the model holds.
 *
 * @param bdf the function
 * @param sysfsPath its resolved device path ({@code /sys/devices/pci0000:00/0000:00:1c.0/...})
 * @param driverOverride {@code driver_override}, empty when {@code (null)} or unreadable
 * @param resetMethod {@code reset_method} (e.g. {@code flr bus}): empty when the attribute is
 *     absent (a kernel before 5.15, a function with no reset method, or a tree without it); an
 *     empty list when it exists but is empty (every method disabled through sysfs)
 * @param vfioCdev the device cdev name ({@code vfio3}) when it has one
 * @param virtfns the VFs listed by {@code virtfn*} links, for a PF
 * @param slot the name of the physical slot it sits in, if any
 * @param names its names from the PCI ID database
 */
public record HostFunctionFacts(
    Bdf bdf,
    String sysfsPath,
    Optional<String> driverOverride,
    Optional<List<String>> resetMethod,
    Optional<String> vfioCdev,
    List<Bdf> virtfns,
    Optional<String> slot,
    PciNames names) {

  public HostFunctionFacts {
    Objects.requireNonNull(bdf, "bdf");
    Objects.requireNonNull(sysfsPath, "sysfsPath");
    Objects.requireNonNull(driverOverride, "driverOverride");
    Objects.requireNonNull(vfioCdev, "vfioCdev");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(names, "names");
    resetMethod = resetMethod.map(List::copyOf);
    virtfns = List.copyOf(virtfns);
  }

  /** The reset methods, empty both when {@code reset_method} is absent and when it is empty. */
  public List<String> resetMethods() {
    return resetMethod.orElse(List.of());
  }

  public HostFunctionFacts withSlot(String name) {
    return new HostFunctionFacts(
        bdf, sysfsPath, driverOverride, resetMethod, vfioCdev, virtfns, Optional.of(name), names);
  }
}
