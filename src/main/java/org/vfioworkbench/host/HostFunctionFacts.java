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
 * @param resetMethods {@code reset_method} (e.g. {@code flr bus}); empty when absent
 * @param vfioCdev the device cdev name ({@code vfio3}) when it has one
 * @param virtfns the VFs listed by {@code virtfn*} links, for a PF
 * @param slot the name of the physical slot it sits in, if any
 */
public record HostFunctionFacts(
    Bdf bdf,
    String sysfsPath,
    Optional<String> driverOverride,
    List<String> resetMethods,
    Optional<String> vfioCdev,
    List<Bdf> virtfns,
    Optional<String> slot) {

  public HostFunctionFacts {
    Objects.requireNonNull(bdf, "bdf");
    Objects.requireNonNull(sysfsPath, "sysfsPath");
    Objects.requireNonNull(driverOverride, "driverOverride");
    Objects.requireNonNull(vfioCdev, "vfioCdev");
    Objects.requireNonNull(slot, "slot");
    resetMethods = List.copyOf(resetMethods);
    virtfns = List.copyOf(virtfns);
  }

  public HostFunctionFacts withSlot(String name) {
    return new HostFunctionFacts(
        bdf, sysfsPath, driverOverride, resetMethods, vfioCdev, virtfns, Optional.of(name));
  }
}
