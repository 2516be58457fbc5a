package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * The registered vfio devices and their {@code vfio_device_set}s, keyed the way {@code
 * vfio_pci_core_register_device} keys them: a singleton for root-bus functions (and for VFs where
 * the profile gives them their own, "vfio/pci: Separate SR-IOV VF dev_set"), the slot when the slot
 * can be reset, the bus otherwise. Members are in bind order.
 */
final class DevSets {

  private final Map<Bdf, DevSet> devSetOf = new HashMap<>();
  private final List<DevSet> all = new ArrayList<>();
  private final List<Bdf> registered;

  DevSets(Topology topology, PciIndex pci, ResetScopes scopes, Profile profile) {
    this.registered = bindOrder(topology, pci);
    Map<DevSet.Key, List<Bdf>> members = new LinkedHashMap<>();
    for (Bdf bdf : registered) {
      PciFunction f = pci.require(bdf);
      DevSet.Key key;
      if (pci.busOf(bdf).hasNoUpstreamBridge() || (f.isVirtfn() && profile.givesVfOwnDevSet())) {
        key = new DevSet.Key(DevSet.KeyKind.SINGLETON, bdf.toString());
      } else if (scopes.slotProbeSucceeds(bdf)) {
        key = new DevSet.Key(DevSet.KeyKind.SLOT, pci.slotOf(bdf).orElseThrow().name());
      } else {
        key = new DevSet.Key(DevSet.KeyKind.BUS, bdf.busAddress().toString());
      }
      members.computeIfAbsent(key, k -> new ArrayList<>()).add(bdf);
    }
    members.forEach(
        (key, list) -> {
          DevSet set = new DevSet(key, list);
          all.add(set);
          list.forEach(b -> devSetOf.put(b, set));
        });
  }

  /** Registered vfio devices in bind order: the listed order first, then address order. */
  private static List<Bdf> bindOrder(Topology topology, PciIndex pci) {
    Set<Bdf> ordered = new LinkedHashSet<>();
    for (Bdf b : topology.bindOrder()) {
      if (pci.isVfioDevice(b)) {
        ordered.add(b);
      }
    }
    topology.functions().stream()
        .map(PciFunction::bdf)
        .sorted()
        .filter(pci::isVfioDevice)
        .forEach(ordered::add);
    return List.copyOf(ordered);
  }

  Optional<DevSet> of(Bdf bdf) {
    return Optional.ofNullable(devSetOf.get(bdf));
  }

  List<DevSet> all() {
    return Collections.unmodifiableList(all);
  }

  /** Registered vfio devices, in bind order. */
  List<Bdf> registered() {
    return registered;
  }
}
