package org.vfioworkbench.engine.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * libvirt's own reset of a device it manages ({@code virPCIDeviceReset}, {@link
 * ConsumerRelease#LIBVIRT}): refused for non-endpoints and for devices a running domain uses;
 * skipped for vfio-pci devices (vfio-pci resets them); FLR counts as done (KVM does it); then a PM
 * reset; then, off bus 0, a secondary bus reset, refused when any other function on the same bus is
 * "active", meaning not on libvirt's inactive list of detached, unassigned devices.
 *
 * <p>In the model, a running domain uses a function when some holder has a device fd or cdev open
 * on it; the inactive list is every function on vfio-pci or pci-stub that nobody holds.
 */
public final class LibvirtReset {

  private LibvirtReset() {}

  /** {@code virPCIDeviceReset(dev, activeDevs, inactiveDevs)} on {@code device}. */
  public static LibvirtOutcome reset(Topology topology, Bdf device, ResetCapabilities caps) {
    PciFunction f =
        topology
            .function(device)
            .orElseThrow(() -> new IllegalArgumentException(device + " is not in the topology"));
    Set<Bdf> active = activeDevices(topology);
    List<String> steps = new ArrayList<>();
    if (f.isBridge()) {
      return failed(
          device,
          steps,
          LibvirtMessages.INTERNAL + String.format(LibvirtMessages.NOT_ENDPOINT, device));
    }
    if (active.contains(device)) {
      return failed(
          device,
          steps,
          LibvirtMessages.INTERNAL + String.format(LibvirtMessages.NOT_RESETTING_ACTIVE, device));
    }
    if (f.driver().isVfio()) {
      steps.add("Device " + device + " is bound to " + f.driver().name() + " - skip reset");
      return new LibvirtOutcome(device, true, steps, Optional.empty(), List.of());
    }
    if (caps.flr()) {
      steps.add("has FLR: KVM resets it when the guest starts and stops");
      return new LibvirtOutcome(device, true, steps, Optional.empty(), List.of());
    }
    if (caps.pmReset()) {
      steps.add("power management reset (D3hot, D0)");
      return new LibvirtOutcome(device, true, steps, Optional.empty(), List.of());
    }
    if (device.bus() == 0) {
      steps.add("bus reset is not an option on bus 0");
      return failed(
          device, steps, LibvirtMessages.unableToReset(device, LibvirtMessages.NO_METHOD));
    }
    Set<Bdf> inactive = inactiveDevices(topology, active);
    TreeSet<Bdf> sameBus = new TreeSet<>();
    for (PciFunction other : topology.functions()) {
      Bdf b = other.bdf();
      if (b.segment() == device.segment() && b.bus() == device.bus() && !b.equals(device)) {
        sameBus.add(b);
      }
    }
    for (Bdf other : sameBus) {
      if (!inactive.contains(other)) {
        steps.add(
            other + " shares bus " + device.busAddress() + " and is not on the inactive list");
        String inner = LibvirtMessages.activeOnBus(other, device);
        return failed(device, steps, LibvirtMessages.unableToReset(device, inner));
      }
    }
    List<Bdf> reset = new ArrayList<>();
    reset.add(device);
    reset.addAll(sameBus);
    steps.add("secondary bus reset through the parent bridge of bus " + device.busAddress());
    return new LibvirtOutcome(device, true, steps, Optional.empty(), reset);
  }

  private static LibvirtOutcome failed(Bdf device, List<String> steps, String error) {
    return new LibvirtOutcome(device, false, steps, Optional.of(error), List.of());
  }

  /** Functions some holder has a device fd or cdev open on. */
  static Set<Bdf> activeDevices(Topology topology) {
    Set<Bdf> out = new TreeSet<>();
    for (Holder h : topology.holders()) {
      for (OpenFile f : h.files()) {
        f.openedDevice().ifPresent(out::add);
      }
    }
    return out;
  }

  private static Set<Bdf> inactiveDevices(Topology topology, Set<Bdf> active) {
    Set<Bdf> out = new TreeSet<>();
    for (PciFunction f : topology.functions()) {
      boolean stub =
          f.driver().kind() == DriverKind.VFIO_PCI || f.driver().kind() == DriverKind.PCI_STUB;
      if (stub && !active.contains(f.bdf())) {
        out.add(f.bdf());
      }
    }
    return out;
  }
}
