package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.HeaderType;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Slot;
import org.vfioworkbench.model.Topology;

/**
 * Lookups over the PCI part of a topology: functions by address, the functions on each bus in
 * enumeration (devfn) order, the bus behind each bridge, and each function's slot.
 */
public final class PciIndex {

  private final Map<Bdf, PciFunction> functions = new HashMap<>();
  private final Map<BusAddress, PciBus> buses = new HashMap<>();
  private final Map<BusAddress, List<PciFunction>> onBus = new HashMap<>();
  private final Map<Bdf, BusAddress> subordinate = new HashMap<>();
  private final Map<Bdf, Slot> slotOf = new HashMap<>();
  private final Map<Integer, List<Bdf>> groupMembers = new HashMap<>();
  private final Map<Integer, GroupKind> groupKinds = new HashMap<>();
  private final Map<Integer, List<PciFunction>> dmaClaimers =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.SortedSet<Integer> segments;

  PciIndex(Topology topology) {
    topology.groups().forEach(g -> groupKinds.put(g.id(), g.kind()));
    for (PciBus bus : topology.buses()) {
      buses.put(bus.address(), bus);
      bus.bridge().ifPresent(b -> subordinate.put(b, bus.address()));
    }
    List<PciFunction> sorted = new ArrayList<>(topology.functions());
    sorted.sort((a, b) -> a.bdf().compareTo(b.bdf()));
    for (PciFunction f : sorted) {
      functions.put(f.bdf(), f);
      onBus.computeIfAbsent(f.bdf().busAddress(), k -> new ArrayList<>()).add(f);
      f.iommuGroup()
          .ifPresent(g -> groupMembers.computeIfAbsent(g, k -> new ArrayList<>()).add(f.bdf()));
    }
    for (Slot slot : topology.slots()) {
      for (PciFunction f : onBus.getOrDefault(slot.bus(), List.of())) {
        if (slot.contains(f.bdf())) {
          slotOf.put(f.bdf(), slot);
        }
      }
    }
    TreeSet<Integer> segs = new TreeSet<>();
    functions.keySet().forEach(b -> segs.add(b.segment()));
    buses.keySet().forEach(b -> segs.add(b.segment()));
    segments = Collections.unmodifiableSortedSet(segs);
  }

  public Optional<PciFunction> function(Bdf bdf) {
    return Optional.ofNullable(functions.get(bdf));
  }

  public PciFunction require(Bdf bdf) {
    PciFunction f = functions.get(bdf);
    if (f == null) {
      throw new IllegalArgumentException("no PCI function " + bdf);
    }
    return f;
  }

  /** The bus a function sits on; a bus that was never declared counts as a root bus. */
  public PciBus busOf(Bdf bdf) {
    return bus(bdf.busAddress());
  }

  /**
   * The bridges above a function, nearest first: the upstream bridge of its bus, that bridge's, and
   * so on up to a root bus.
   */
  public List<Bdf> bridgesAbove(Bdf bdf) {
    List<Bdf> out = new ArrayList<>();
    for (Optional<Bdf> up = busOf(bdf).bridge(); up.isPresent(); up = busOf(up.get()).bridge()) {
      out.add(up.get());
    }
    return out;
  }

  public PciBus bus(BusAddress address) {
    PciBus bus = buses.get(address);
    return bus != null ? bus : PciBus.root(address);
  }

  /**
   * The PCI segments (domains) with a function or a declared bus, in ascending order; found once,
   * when the index is built (layouts ask for them per segment).
   */
  public java.util.SortedSet<Integer> segments() {
    return segments;
  }

  /**
   * The root buses of a segment, in address order: the declared buses with no upstream bridge, and
   * every bus a function sits on that was never declared (which {@link #bus} treats as root).
   */
  public List<BusAddress> rootBuses(int segment) {
    TreeSet<BusAddress> out = new TreeSet<>();
    buses.values().stream()
        .filter(b -> b.address().segment() == segment && b.hasNoUpstreamBridge())
        .forEach(b -> out.add(b.address()));
    onBus.keySet().stream()
        .filter(b -> b.segment() == segment && !buses.containsKey(b))
        .forEach(out::add);
    return List.copyOf(out);
  }

  /** Functions on a bus, in devfn order. */
  public List<PciFunction> functionsOn(BusAddress bus) {
    return Collections.unmodifiableList(onBus.getOrDefault(bus, List.of()));
  }

  /** The secondary bus of a bridge function, if any bus names it as its upstream bridge. */
  public Optional<BusAddress> subordinateOf(Bdf bridge) {
    return Optional.ofNullable(subordinate.get(bridge));
  }

  /** The slot a function sits in ({@code pdev->slot}). */
  public Optional<Slot> slotOf(Bdf bdf) {
    return Optional.ofNullable(slotOf.get(bdf));
  }

  /** The IOMMU group of a function, empty when it has none (or does not exist). */
  public Optional<Integer> groupOf(Bdf bdf) {
    PciFunction f = functions.get(bdf);
    return f == null || f.iommuGroup().isEmpty()
        ? Optional.empty()
        : Optional.of(f.iommuGroup().getAsInt());
  }

  /** Whether a group was fabricated by VFIO's no-IOMMU mode. */
  public boolean isNoIommu(int group) {
    return groupKinds.get(group) == GroupKind.NOIOMMU;
  }

  /**
   * The members whose driver claims the group's DMA ownership (DMA-API drivers); the group is
   * viable when there are none.
   */
  public List<PciFunction> dmaClaimers(int group) {
    return dmaClaimers.computeIfAbsent(
        group,
        g ->
            groupMembers(g).stream()
                .map(this::require)
                .filter(f -> f.driver().claimsDmaOwnership())
                .toList());
  }

  /** vfio-pci registers only normal-header functions; a bridge bind fails with -EINVAL. */
  public boolean isVfioDevice(Bdf bdf) {
    PciFunction f = functions.get(bdf);
    return f != null && f.driver().isVfio() && f.headerType() == HeaderType.NORMAL;
  }

  /** Functions of an IOMMU group, in address order. */
  public List<Bdf> groupMembers(int group) {
    return groupMembers.getOrDefault(group, List.of());
  }

  /** Group ids that have at least one member, in ascending order. */
  public java.util.SortedSet<Integer> populatedGroups() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(groupMembers.keySet()));
  }
}
