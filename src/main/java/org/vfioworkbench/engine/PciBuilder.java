package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.HeaderType;
import org.vfioworkbench.model.HostOptions;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Slot;
import org.vfioworkbench.model.Topology;

/** Hands out bus numbers and addresses while {@link SyntheticHost} grows a PCI hierarchy. */
final class PciBuilder {

  /** A bridge and the secondary bus it leads to. */
  record Port(Bdf bridge, BusAddress bus) {}

  private final List<PciBus> buses = new ArrayList<>();
  private final List<PciFunction> functions = new ArrayList<>();
  private final List<Slot> slots = new ArrayList<>();
  private final List<IommuGroup> groups = new ArrayList<>();
  private final java.util.Set<Integer> groupIds = new java.util.HashSet<>();
  private int segment = -1;
  private int nextBus;
  private int nextRootSlot;

  int functionCount() {
    return functions.size();
  }

  /** Starts a new segment (root bus 00) when bus numbers or root-port addresses run low. */
  void newSegmentIfNeeded() {
    if (segment < 0 || nextBus > 240 || nextRootSlot >= 31 * 8) {
      segment++;
      nextBus = 1;
      nextRootSlot = 8;
      buses.add(PciBus.root(new BusAddress(segment, 0)));
    }
  }

  void rootComplexFunction(Driver driver, int group) {
    int slot = nextRootSlot++;
    add(
        new Bdf(segment, 0, slot >> 3, slot & 7),
        HeaderType.NORMAL,
        driver,
        group,
        Optional.empty(),
        false);
  }

  Port rootPort(int group) {
    int slot = nextRootSlot++;
    return bridgeOn(new BusAddress(segment, 0), slot >> 3, slot & 7, group, false);
  }

  Port bridgeOn(BusAddress bus, int device, int function, int group, boolean noBusReset) {
    Bdf bdf = new Bdf(bus.segment(), bus.bus(), device, function);
    add(bdf, HeaderType.BRIDGE, Driver.PCIEPORT, group, Optional.empty(), noBusReset);
    BusAddress secondary = new BusAddress(segment, nextBus++);
    buses.add(PciBus.below(secondary, bdf));
    return new Port(bdf, secondary);
  }

  void slot(Port port, boolean resetSupported) {
    slots.add(new Slot("s" + segment + "-" + port.bus().bus(), port.bus(), 0, resetSupported));
  }

  Bdf endpoint(
      BusAddress bus, int device, int function, Driver driver, int group, boolean noBusReset) {
    Bdf bdf = new Bdf(bus.segment(), bus.bus(), device, function);
    add(bdf, HeaderType.NORMAL, driver, group, Optional.empty(), noBusReset);
    return bdf;
  }

  void virtfn(BusAddress bus, int device, int function, Driver driver, int group, Bdf pf) {
    add(
        new Bdf(bus.segment(), bus.bus(), device, function),
        HeaderType.NORMAL,
        driver,
        group,
        Optional.of(pf),
        false);
  }

  private void add(
      Bdf bdf,
      HeaderType header,
      Driver driver,
      int group,
      Optional<Bdf> physfn,
      boolean noBusReset) {
    functions.add(
        new PciFunction(
            bdf,
            header,
            0x8086,
            0x1000 + functions.size() % 0x1000,
            header == HeaderType.BRIDGE ? 0x060400 : 0x020000,
            "",
            driver,
            OptionalInt.of(group),
            physfn,
            noBusReset ? Set.of(Quirk.NO_BUS_RESET) : Set.of(),
            Set.of()));
    if (groupIds.add(group)) {
      groups.add(new IommuGroup(group, GroupKind.IOMMU));
    }
  }

  Topology topology(HostOptions options) {
    return new Topology(
        options, buses, slots, functions, groups, List.of(), List.of(), List.of(), List.of());
  }
}
