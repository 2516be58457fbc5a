package org.vfioworkbench.engine.plan;

import java.util.List;
import java.util.Objects;
import org.vfioworkbench.model.Bdf;

/**
 * What passing some functions to a VM takes, and the lines that would do it. Nothing is applied.
 *
 * @param requested the functions asked for
 * @param functions every function involved: the asked ones and what they drag along
 * @param passthrough the functions to give the VM (every endpoint involved, in address order)
 * @param driverctl {@code driverctl set-override} lines for those not on vfio-pci yet
 * @param sysfs the same binds through {@code driver_override}, {@code unbind} and {@code
 *     drivers_probe}
 * @param qemuLegacy QEMU arguments, legacy (container and groups) backend
 * @param qemuIommufd QEMU arguments, iommufd backend
 * @param libvirt {@code <hostdev>} elements
 * @param libvirtIommufd {@code <hostdev>} elements with {@code <driver iommufd='yes'/>}
 * @param notes things to know before applying it
 */
public record Plan(
    List<Bdf> requested,
    List<PlannedFunction> functions,
    List<Bdf> passthrough,
    List<String> driverctl,
    List<String> sysfs,
    List<String> qemuLegacy,
    List<String> qemuIommufd,
    String libvirt,
    String libvirtIommufd,
    List<String> notes) {

  public Plan {
    requested = List.copyOf(requested);
    functions = List.copyOf(functions);
    passthrough = List.copyOf(passthrough);
    driverctl = List.copyOf(driverctl);
    sysfs = List.copyOf(sysfs);
    qemuLegacy = List.copyOf(qemuLegacy);
    qemuIommufd = List.copyOf(qemuIommufd);
    Objects.requireNonNull(libvirt, "libvirt");
    Objects.requireNonNull(libvirtIommufd, "libvirtIommufd");
    notes = List.copyOf(notes);
  }

  /** The functions the host loses. */
  public List<PlannedFunction> takenFromHost() {
    return functions.stream().filter(PlannedFunction::takenFromHost).toList();
  }
}
