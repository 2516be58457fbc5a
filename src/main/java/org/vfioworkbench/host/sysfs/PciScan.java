package org.vfioworkbench.host.sysfs;

import java.util.List;
import java.util.Map;
import org.vfioworkbench.host.HostFunctionFacts;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Slot;

/** What {@link PciReader} found: the PCI hierarchy plus per-function facts. */
public record PciScan(
    List<PciFunction> functions,
    List<PciBus> buses,
    List<Slot> slots,
    Map<Bdf, HostFunctionFacts> facts) {

  public PciScan {
    functions = List.copyOf(functions);
    buses = List.copyOf(buses);
    slots = List.copyOf(slots);
    facts = Map.copyOf(facts);
  }
}
