package org.vfioworkbench.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vfioworkbench.engine.kernel.FunctionQuirks;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Slot;

/**
 * The PCI core's reset probes and the VFIO walk over the affected functions: {@code
 * pci_probe_reset_slot}, {@code pci_probe_reset_bus}, {@code pci_slot_resettable}, {@code
 * pci_bus_resettable}, {@code vfio_pci_for_each_slot_or_bus} and {@code vfio_pci_dev_below_slot}.
 * Results are cached per bus and per slot; the caches are safe to share between threads.
 */
final class ResetScopes {

  private final PciIndex pci;
  private final Profile profile;
  private final Map<Bdf, FunctionQuirks> quirks = new ConcurrentHashMap<>();
  private final Map<BusAddress, Optional<String>> busRefusal = new ConcurrentHashMap<>();
  private final Map<BusAddress, List<Bdf>> busWalk = new ConcurrentHashMap<>();
  private final Map<String, List<Bdf>> slotWalk = new ConcurrentHashMap<>();
  private final Map<Bdf, ScopeDecision> decisions = new ConcurrentHashMap<>();

  ResetScopes(PciIndex pci, Profile profile) {
    this.pci = pci;
    this.profile = profile;
  }

  /** The flags of a function under the profile's kernel: declared, or derived from its ids. */
  FunctionQuirks quirks(PciFunction f) {
    return quirks.computeIfAbsent(f.bdf(), b -> FunctionQuirks.of(f, profile.quirkRelease()));
  }

  /** Why a function stops a slot or bus reset, in the order the kernel tests them. */
  private Optional<String> blocks(PciFunction f, String where) {
    FunctionQuirks q = quirks(f);
    if (profile.resetNeedsResetMethod() && q.has(Quirk.NO_RESET_METHOD)) {
      return Optional.of(
          f.bdf()
              + where
              + " has no reset method (!pci_reset_supported, "
              + profile.id()
              + ": \"PCI: Avoid reset when disabled via sysfs\")");
    }
    if (q.has(Quirk.NO_BUS_RESET)) {
      return Optional.of(
          f.bdf()
              + where
              + " has PCI_DEV_FLAGS_NO_BUS_RESET ("
              + q.origin(Quirk.NO_BUS_RESET)
              + ")");
    }
    return Optional.empty();
  }

  /** The scope the kernel would reset for {@code bdf}, or why it cannot reset it. */
  ScopeDecision decide(Bdf bdf) {
    return decisions.computeIfAbsent(bdf, this::computeDecision);
  }

  /** Whether {@code pci_probe_reset_slot(pdev->slot)} succeeds for this function. */
  boolean slotProbeSucceeds(Bdf bdf) {
    return pci.slotOf(bdf).map(s -> slotRefusal(s).isEmpty()).orElse(false);
  }

  private ScopeDecision computeDecision(Bdf bdf) {
    TraceBuilder t = new TraceBuilder();
    Optional<Slot> slot = pci.slotOf(bdf);
    if (slot.isEmpty()) {
      t.note("pci_probe_reset_slot", bdf + " sits in no hotplug slot → -ENOTTY");
    } else {
      Optional<String> refusal = slotRefusal(slot.get());
      if (refusal.isEmpty()) {
        List<Bdf> fns = slotFunctions(slot.get());
        t.pass(
            "pci_probe_reset_slot",
            "slot "
                + slot.get().name()
                + " can be reset: slot scope, "
                + fns.size()
                + " function(s)");
        return new ScopeDecision(
            Optional.of(new ResetScope(ResetScope.Kind.SLOT, bdf.busAddress(), slot, fns)),
            t.build());
      }
      t.note(
          "pci_probe_reset_slot",
          "slot " + slot.get().name() + ": " + refusal.get() + " → -ENOTTY");
    }
    BusAddress bus = bdf.busAddress();
    Optional<String> refusal = busRefusal(bus);
    if (refusal.isPresent()) {
      t.fail(
          "pci_probe_reset_bus",
          "bus " + bus + ": " + refusal.get() + " → -ENOTTY; neither slot nor bus reset",
          Errno.ENODEV);
      return new ScopeDecision(Optional.empty(), t.build());
    }
    List<Bdf> fns = busFunctions(bus);
    PciBus b = pci.bus(bus);
    t.pass(
        "pci_probe_reset_bus",
        "bus "
            + bus
            + " behind bridge "
            + b.bridge().orElseThrow()
            + " can be reset: bus scope, "
            + fns.size()
            + " function(s)");
    return new ScopeDecision(
        Optional.of(new ResetScope(ResetScope.Kind.BUS, bus, Optional.empty(), fns)), t.build());
  }

  /**
   * Why {@code pci_slot_reset(slot, PCI_RESET_PROBE)} fails, empty when it succeeds: first {@code
   * pci_slot_resettable} (the bridge above the slot, then every function in it and below it), then
   * {@code pci_reset_hotplug_slot} (the hotplug driver's {@code reset_slot}).
   */
  Optional<String> slotRefusal(Slot slot) {
    PciBus onBus = pci.bus(slot.bus());
    if (onBus.bridge().isPresent()) {
      Optional<PciFunction> bridge = pci.function(onBus.bridge().get());
      if (bridge.isPresent()) {
        FunctionQuirks q = quirks(bridge.get());
        if (q.has(Quirk.NO_BUS_RESET)) {
          return Optional.of(
              "pci_slot_resettable: bridge "
                  + bridge.get().bdf()
                  + " above the slot has PCI_DEV_FLAGS_NO_BUS_RESET ("
                  + q.origin(Quirk.NO_BUS_RESET)
                  + ")");
        }
      }
    }
    for (PciFunction f : pci.functionsOn(slot.bus())) {
      if (!slot.contains(f.bdf())) {
        continue;
      }
      Optional<String> blocked = blocks(f, " in the slot");
      if (blocked.isPresent()) {
        return Optional.of("pci_slot_resettable: " + blocked.get());
      }
      Optional<BusAddress> sub = pci.subordinateOf(f.bdf());
      if (sub.isPresent()) {
        Optional<String> below = busNotResettable(sub.get(), new HashSet<>());
        if (below.isPresent()) {
          return Optional.of(
              "pci_slot_resettable: bus "
                  + sub.get()
                  + " behind "
                  + f.bdf()
                  + " in the slot cannot be reset: "
                  + below.get());
        }
      }
    }
    if (!slot.resetSupported()) {
      return Optional.of(
          "pci_reset_hotplug_slot: its hotplug driver ("
              + slot.hotplug().id()
              + ") has no reset_slot operation");
    }
    return Optional.empty();
  }

  /** Why {@code pci_bus_reset(bus, PCI_RESET_PROBE)} fails, empty when it succeeds. */
  Optional<String> busRefusal(BusAddress bus) {
    Optional<String> cached = busRefusal.get(bus);
    if (cached != null) {
      return cached;
    }
    Optional<String> result;
    if (pci.bus(bus).hasNoUpstreamBridge()) {
      result = Optional.of("no upstream bridge (root or virtual bus)");
    } else {
      result = busNotResettable(bus, new HashSet<>());
    }
    busRefusal.put(bus, result);
    return result;
  }

  /**
   * {@code pci_bus_resettable}: over the bus and, depth first, its subordinate buses. Walked with
   * an explicit stack, as a chain of thousands of bridges would overflow the call stack.
   */
  private Optional<String> busNotResettable(BusAddress start, Set<BusAddress> visiting) {
    if (!visiting.add(start)) {
      return Optional.empty();
    }
    Deque<BusFrame> stack = new ArrayDeque<>();
    Optional<String> refusal = enter(start, stack);
    while (refusal.isEmpty() && !stack.isEmpty()) {
      BusFrame top = stack.peek();
      if (top.next >= top.functions.size()) {
        stack.pop();
        continue;
      }
      PciFunction f = top.functions.get(top.next++);
      Optional<String> blocked = blocks(f, " on the bus");
      if (blocked.isPresent()) {
        refusal = blocked;
        break;
      }
      Optional<BusAddress> sub = pci.subordinateOf(f.bdf());
      if (sub.isPresent() && visiting.add(sub.get())) {
        top.via = f;
        top.viaBus = sub.get();
        refusal = enter(sub.get(), stack);
      }
    }
    if (refusal.isEmpty()) {
      return refusal;
    }
    // The frames below the failing one each add "subordinate bus B of F: ", outermost first.
    List<BusFrame> frames = new ArrayList<>(stack);
    StringBuilder prefix = new StringBuilder();
    for (int i = frames.size() - 1; i >= 1; i--) {
      BusFrame outer = frames.get(i);
      prefix
          .append("subordinate bus ")
          .append(outer.viaBus)
          .append(" of ")
          .append(outer.via.bdf())
          .append(": ");
    }
    return Optional.of(prefix + refusal.get());
  }

  /** Pushes {@code bus}; its upstream bridge's quirk refuses at once. */
  private Optional<String> enter(BusAddress bus, Deque<BusFrame> stack) {
    stack.push(new BusFrame(pci.functionsOn(bus)));
    PciBus b = pci.bus(bus);
    if (b.bridge().isPresent()) {
      Optional<PciFunction> bridge = pci.function(b.bridge().get());
      if (bridge.isPresent() && quirks(bridge.get()).has(Quirk.NO_BUS_RESET)) {
        return Optional.of(
            "upstream bridge "
                + bridge.get().bdf()
                + " has PCI_DEV_FLAGS_NO_BUS_RESET ("
                + quirks(bridge.get()).origin(Quirk.NO_BUS_RESET)
                + ")");
      }
    }
    return Optional.empty();
  }

  /** One bus of the walk: its functions, the next to look at and the bridge last descended. */
  private static final class BusFrame {
    final List<PciFunction> functions;
    int next;
    PciFunction via;
    BusAddress viaBus;

    BusFrame(List<PciFunction> functions) {
      this.functions = functions;
    }
  }

  /** Every function on {@code bus} and below it, in {@code pci_walk_bus} order. */
  List<Bdf> busFunctions(BusAddress bus) {
    List<Bdf> cached = busWalk.get(bus);
    if (cached != null) {
      return cached;
    }
    List<Bdf> out = new ArrayList<>();
    walk(bus, out, new HashSet<>());
    List<Bdf> result = List.copyOf(out);
    busWalk.put(bus, result);
    return result;
  }

  /** Depth first, each bus's functions in order with a bridge's subordinate bus right after it. */
  private void walk(BusAddress start, List<Bdf> out, Set<BusAddress> visited) {
    if (!visited.add(start)) {
      return;
    }
    Deque<BusFrame> stack = new ArrayDeque<>();
    stack.push(new BusFrame(pci.functionsOn(start)));
    while (!stack.isEmpty()) {
      BusFrame top = stack.peek();
      if (top.next >= top.functions.size()) {
        stack.pop();
        continue;
      }
      PciFunction f = top.functions.get(top.next++);
      out.add(f.bdf());
      Optional<BusAddress> sub = pci.subordinateOf(f.bdf());
      if (sub.isPresent() && visited.add(sub.get())) {
        stack.push(new BusFrame(pci.functionsOn(sub.get())));
      }
    }
  }

  /** The walk filtered by {@code vfio_pci_dev_below_slot}: functions in or behind the slot. */
  List<Bdf> slotFunctions(Slot slot) {
    String key = slot.name() + "@" + slot.bus() + "/" + slot.device();
    List<Bdf> cached = slotWalk.get(key);
    if (cached != null) {
      return cached;
    }
    List<Bdf> out = new ArrayList<>();
    for (PciFunction f : pci.functionsOn(slot.bus())) {
      if (slot.contains(f.bdf())) {
        out.add(f.bdf());
        Optional<BusAddress> sub = pci.subordinateOf(f.bdf());
        if (sub.isPresent()) {
          walk(sub.get(), out, new HashSet<>());
        }
      }
    }
    List<Bdf> result = List.copyOf(out);
    slotWalk.put(key, result);
    return result;
  }
}
