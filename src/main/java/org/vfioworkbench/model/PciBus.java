package org.vfioworkbench.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A PCI bus. A bus without an upstream bridge ({@code bus->self == NULL} in the kernel) is a root
 * bus, or the virtual bus that holds VFs beyond their PF's bus number; neither can be bus-reset.
 *
 * @param address segment and bus number
 * @param bridge the bridge function whose secondary bus this is, empty for a root or virtual bus
 */
public record PciBus(BusAddress address, Optional<Bdf> bridge) {

  public PciBus {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(bridge, "bridge");
  }

  public static PciBus root(BusAddress address) {
    return new PciBus(address, Optional.empty());
  }

  public static PciBus below(BusAddress address, Bdf bridge) {
    return new PciBus(address, Optional.of(bridge));
  }

  /** True when the bus has no upstream bridge: {@code pci_bus_reset} refuses it. */
  public boolean hasNoUpstreamBridge() {
    return bridge.isEmpty();
  }
}
