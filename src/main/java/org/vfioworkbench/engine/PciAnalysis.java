package org.vfioworkbench.engine;

import java.util.List;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Slot;
import org.vfioworkbench.model.Topology;

/**
 * Everything derived from the PCI part of a topology alone (functions, buses, slots, groups, bind
 * order): the index, the reset scopes and the dev-sets. Shared between analyses of topologies that
 * differ only in their holders, which is what makes re-evaluation after a drag cheap; {@link #of}
 * also hands the same one to the open rules of every edit on such topologies.
 */
final class PciAnalysis {

  /** How many PCI parts {@link #of} remembers (an edit, its undo, a compared profile). */
  private static final int REMEMBERED = 6;

  private static final RecentlyUsed<PciAnalysis> RECENT = RecentlyUsed.whileInUse(REMEMBERED);

  private final List<PciFunction> functions;
  private final List<PciBus> buses;
  private final List<Slot> slots;
  private final List<IommuGroup> groups;
  private final List<Bdf> bindOrder;
  final PciIndex pci;
  final ResetScopes scopes;
  final DevSets devSets;
  final Profile profile;

  /** Values worked out from the PCI part alone ({@link Analysis#onPciPart}). */
  final java.util.Map<String, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

  PciAnalysis(Topology topology, Profile profile) {
    this.functions = topology.functions();
    this.buses = topology.buses();
    this.slots = topology.slots();
    this.groups = topology.groups();
    this.bindOrder = topology.bindOrder();
    this.profile = profile;
    this.pci = new PciIndex(topology);
    this.scopes = new ResetScopes(pci, profile);
    this.devSets = new DevSets(topology, pci, scopes, profile);
  }

  /**
   * The PCI analysis of {@code topology} under {@code profile}: one of the last few built when it
   * shares their PCI part (the same list instances, as every holder edit leaves them), else a new
   * one. Safe to call from any thread; what it returns is immutable apart from thread-safe caches.
   */
  static PciAnalysis of(Topology topology, Profile profile) {
    return RECENT
        .find(a -> a.sharesPciWith(topology, profile))
        .orElseGet(() -> RECENT.remember(new PciAnalysis(topology, profile)));
  }

  /**
   * True when {@code other} has the very same PCI part (same list instances) as this one and is
   * evaluated under the same profile (quirks and reset probes depend on the kernel).
   */
  boolean sharesPciWith(Topology other, Profile otherProfile) {
    return profile == otherProfile
        && functions == other.functions()
        && buses == other.buses()
        && slots == other.slots()
        && groups == other.groups()
        && bindOrder == other.bindOrder();
  }
}
