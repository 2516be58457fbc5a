package org.vfioworkbench.engine;

import org.vfioworkbench.model.Topology;

/**
 * Everything derived from the PCI part of a topology alone (functions, buses, slots, groups, bind
 * order): the index, the reset scopes and the dev-sets. Shared between analyses of topologies that
 * differ only in their holders, which is what makes re-evaluation after a drag cheap.
 */
final class PciAnalysis {

  final Topology source;
  final PciIndex pci;
  final ResetScopes scopes;
  final DevSets devSets;
  final Profile profile;

  PciAnalysis(Topology topology, Profile profile) {
    this.source = topology;
    this.profile = profile;
    this.pci = new PciIndex(topology);
    this.scopes = new ResetScopes(pci, profile);
    this.devSets = new DevSets(topology, pci, scopes, profile);
  }

  /**
   * True when {@code other} has the very same PCI part (same list instances) as this one and is
   * evaluated under the same profile (quirks and reset probes depend on the kernel).
   */
  boolean sharesPciWith(Topology other, Profile otherProfile) {
    return profile == otherProfile
        && source.functions() == other.functions()
        && source.buses() == other.buses()
        && source.slots() == other.slots()
        && source.groups() == other.groups()
        && source.bindOrder() == other.bindOrder();
  }
}
