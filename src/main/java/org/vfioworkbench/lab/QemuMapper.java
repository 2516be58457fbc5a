package org.vfioworkbench.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vfioworkbench.engine.kernel.FunctionQuirks;
import org.vfioworkbench.engine.kernel.KernelRelease;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Slot;
import org.vfioworkbench.model.Topology;

/**
 * Maps a scenario topology onto QEMU q35 devices, by position. The building blocks:
 *
 * <ul>
 *   <li>a bridge on the root bus becomes a {@code pcie-root-port}, with native hotplug (so slot
 *       reset through pciehp) when the scenario has a resettable slot below it, without (secondary
 *       bus reset) otherwise;
 *   <li>an endpoint behind a root port is a function of a multifunction {@code e1000e} (one IOMMU
 *       group per function on the lab kernel) or, when it shares its group with siblings, an {@code
 *       e1000} (no ACS: the siblings share one group);
 *   <li>a bridge behind a root port is a {@code pcie-pci-bridge}, with conventional {@code e1000}
 *       devices behind it (one group with the bridge);
 *   <li>a function on a native driver keeps the stand-in's own driver (e1000e or e1000);
 *   <li>a function on the root bus sits at the same address on {@code pcie.0}.
 * </ul>
 *
 * Everything else is reported in {@link GuestLayout#unexpressible()} with the reason.
 */
public final class QemuMapper {

  /** Root-bus device numbers q35 uses itself: host bridge, and the ICH9 functions at 1f. */
  private static final Set<Integer> RESERVED_ROOT_SLOTS = Set.of(0x00, 0x1f);

  private final Topology topology;
  private final List<String> problems = new ArrayList<>();
  private final List<String> devices = new ArrayList<>();
  private final List<PlacedFunction> placed = new ArrayList<>();
  private final Map<BusAddress, PciBus> buses = new HashMap<>();
  private int nextPort = 1;

  /** The release the lab boots: its quirk table decides which flags the scenario implies. */
  static final KernelRelease LAB_KERNEL = KernelRelease.of(6, 12, 117);

  private QemuMapper(Topology topology) {
    this.topology = topology;
    topology.buses().forEach(b -> buses.put(b.address(), b));
  }

  /** Lays {@code topology} out as QEMU devices. */
  public static GuestLayout map(Topology topology) {
    return new QemuMapper(topology).layout();
  }

  private GuestLayout layout() {
    checkHostWide();
    BusAddress root = new BusAddress(0, 0);
    for (PciBus bus : topology.buses()) {
      if (bus.hasNoUpstreamBridge() && !bus.address().equals(root)) {
        problems.add(
            "root bus "
                + bus.address()
                + ": the lab guest has one root bus, 0000:00"
                + " (no PCI expander buses)");
      }
    }
    for (PciFunction f : topology.functions()) {
      checkFunction(f);
      if (!buses.containsKey(f.bdf().busAddress())) {
        problems.add(f.bdf() + ": its bus " + f.bdf().busAddress() + " is not declared");
      }
    }
    checkGroupsTheLabCanBuild();
    Map<Integer, List<PciFunction>> rootSlots = slotsOn(root);
    List<Integer> spare = new ArrayList<>();
    for (int d = 0x1e; d >= 0x02; d--) {
      if (!rootSlots.containsKey(d)) {
        spare.add(d);
      }
    }
    for (var e : rootSlots.entrySet()) {
      int device = e.getKey();
      if (RESERVED_ROOT_SLOTS.contains(device)) {
        // A root-bus device is never in another's reset scope and the guest's address is
        // translated back, so it may sit at another free address.
        if (spare.size() < 2) {
          problems.add(
              e.getValue().get(0).bdf()
                  + ": q35 keeps root-bus device "
                  + String.format("%02x", device)
                  + " and no other is free");
          continue;
        }
        device = spare.remove(spare.size() - 1);
      }
      placeRootSlot(e.getValue(), device);
    }
    int free = spare.isEmpty() ? 0 : spare.get(0);
    if (free == 0) {
      problems.add("the root bus has no free slot left for the lab's own 9p device");
    }
    return new GuestLayout(
        devices,
        placed,
        List.copyOf(new LinkedHashSet<>(problems)),
        topology.options().noIommuMode(),
        free);
  }

  private void checkHostWide() {
    for (Container c : topology.containers()) {
      if (c.type() == ContainerType.SPAPR) {
        problems.add("container " + c.id() + ": spapr containers exist only on POWER");
      }
    }
    for (Holder h : topology.holders()) {
      for (OpenFile f : h.files()) {
        if (f instanceof GroupFile g && g.inferred() || f instanceof CdevFile c && c.inferred()) {
          problems.add(h.name() + " fd " + f.fd() + ": an inferred attachment cannot be replayed");
        }
        if (!contextHeld(h, f)) {
          problems.add(
              h.name()
                  + " fd "
                  + f.fd()
                  + ": its container or iommufd is held by"
                  + " another holder (the lab replays each holder's files in one process)");
        }
        if (f instanceof CdevFile c && c.devid().isPresent()) {
          // devids are compared by the device they name, so a fixed devid is fine
          continue;
        }
        if (f instanceof CdevFile && !topology.options().cdevSupported()) {
          problems.add(
              h.name()
                  + " fd "
                  + f.fd()
                  + ": the lab kernel has device cdevs but the"
                  + " scenario's host does not");
        }
      }
    }
    if (topology.options().noIommuMode()) {
      for (PciFunction f : topology.functions()) {
        boolean noIommuGroup =
            f.iommuGroup().isPresent()
                && topology
                    .group(f.iommuGroup().getAsInt())
                    .map(g -> g.kind() == GroupKind.NOIOMMU)
                    .orElse(false);
        if (f.iommuGroup().isPresent() && !noIommuGroup && !f.isBridge()) {
          problems.add(
              f.bdf()
                  + ": in no-IOMMU mode the lab guest has no IOMMU groups, only"
                  + " no-IOMMU ones");
        }
      }
    }
  }

  private static boolean contextHeld(Holder h, OpenFile f) {
    Optional<org.vfioworkbench.model.DmaContextRef> ref = Optional.empty();
    if (f instanceof GroupFile g) {
      ref = g.attachedTo();
    } else if (f instanceof CdevFile c) {
      ref = c.boundTo().map(org.vfioworkbench.model.DmaContextRef::iommufd);
    }
    if (ref.isEmpty()) {
      return true;
    }
    org.vfioworkbench.model.DmaContextRef r = ref.get();
    return h.files().stream()
        .anyMatch(
            o ->
                switch (r.kind()) {
                  case CONTAINER ->
                      o instanceof org.vfioworkbench.model.ContainerFile c
                          && c.container().equals(r.id());
                  case IOMMUFD ->
                      o instanceof org.vfioworkbench.model.IommufdFile i
                          && i.iommufd().equals(r.id());
                });
  }

  private void checkFunction(PciFunction f) {
    if (f.bdf().segment() != 0) {
      problems.add(f.bdf() + ": the lab guest has only PCI segment 0000");
    }
    if (f.isVirtfn()) {
      problems.add(
          f.bdf()
              + ": SR-IOV virtual functions (QEMU 7.2 has no SR-IOV device the"
              + " lab can bind)");
    }
    if (topology.hasVirtfns(f.bdf())) {
      problems.add(f.bdf() + ": SR-IOV physical functions with VFs enabled");
    }
    Set<Quirk> quirks = FunctionQuirks.of(f, LAB_KERNEL).quirks();
    if (!quirks.isEmpty()) {
      problems.add(
          f.bdf()
              + ": PCI quirks "
              + quirks
              + (f.quirksDeclared() ? "" : " (derived from its ids on " + LAB_KERNEL + ")")
              + " (no QEMU device carries them)");
    }
    if (!f.conditions().isEmpty()) {
      problems.add(
          f.bdf()
              + ": transient conditions "
              + f.conditions()
              + " (a moment, not a configuration)");
    }
    if (!f.isBridge() && f.iommuGroup().isEmpty() && !topology.options().noIommuMode()) {
      problems.add(
          f.bdf()
              + ": a function without an IOMMU group (with the lab's IOMMU"
              + " every function has one)");
    }
    DriverKind kind = f.driver().kind();
    if (f.isBridge()) {
      if (kind != DriverKind.PCIEPORT) {
        problems.add(
            f.bdf()
                + ": a bridge on "
                + f.driver().label()
                + " (the lab's bridges are"
                + " on pcieport or none)");
      }
      return;
    }
    if (kind == DriverKind.VFIO_PCI && !f.driver().name().equals("vfio-pci")) {
      problems.add(
          f.bdf()
              + ": variant driver "
              + f.driver().name()
              + " (only vfio-pci is"
              + " built into the lab kernel)");
    }
    if (kind == DriverKind.PCIEPORT) {
      problems.add(f.bdf() + ": pcieport on an endpoint");
    }
  }

  /**
   * The guest groups functions one way only: each function of an ACS-capable stand-in alone, the
   * functions of one device without ACS together, a PCIe-to-PCI bridge with everything behind it. A
   * scenario group spanning several devices otherwise (two root ports and the endpoints behind
   * them, say) cannot be built.
   */
  private void checkGroupsTheLabCanBuild() {
    if (topology.options().noIommuMode()) {
      return;
    }
    Map<Integer, List<PciFunction>> members = new TreeMap<>();
    for (PciFunction f : topology.functions()) {
      f.iommuGroup().ifPresent(g -> members.computeIfAbsent(g, k -> new ArrayList<>()).add(f));
    }
    for (var e : members.entrySet()) {
      Set<String> devices = new LinkedHashSet<>();
      e.getValue().forEach(f -> devices.add(f.bdf().busAddress() + ":" + f.bdf().device()));
      if (devices.size() > 1 && !bridgeWithWhatIsBehindIt(e.getValue())) {
        problems.add(
            "IOMMU group "
                + e.getKey()
                + " spans the devices "
                + devices
                + " (the lab's stand-ins group only the functions of one device, or a"
                + " PCIe-to-PCI bridge with what is behind it)");
      }
    }
  }

  private boolean bridgeWithWhatIsBehindIt(List<PciFunction> group) {
    for (PciFunction bridge : group) {
      Optional<PciBus> below = bridge.isBridge() ? secondaryOf(bridge.bdf()) : Optional.empty();
      if (below.isPresent()
          && group.stream()
              .allMatch(f -> f == bridge || f.bdf().busAddress().equals(below.get().address()))) {
        return true;
      }
    }
    return false;
  }

  private Map<Integer, List<PciFunction>> slotsOn(BusAddress bus) {
    Map<Integer, List<PciFunction>> out = new TreeMap<>();
    for (PciFunction f : topology.functions()) {
      if (f.bdf().busAddress().equals(bus)) {
        out.computeIfAbsent(f.bdf().device(), d -> new ArrayList<>()).add(f);
      }
    }
    out.values().forEach(l -> l.sort((a, b) -> a.bdf().compareTo(b.bdf())));
    return out;
  }

  private void placeRootSlot(List<PciFunction> slot, int device) {
    boolean multi = slot.size() > 1;
    if (slot.get(0).bdf().function() != 0) {
      // PCI finds a device through its function 0. On the root bus a stand-in the scenario
      // does not know of is harmless: no root-bus function is in another's reset scope.
      devices.add(String.format("e1000e,bus=pcie.0,addr=0x%x.0,multifunction=on", device));
      multi = false;
    }
    for (PciFunction f : slot) {
      String addr =
          String.format("addr=0x%x.%x", device, f.bdf().function())
              + (multi && f.bdf().function() == 0 ? ",multifunction=on" : "");
      List<Integer> path = List.of(device << 3 | f.bdf().function());
      if (f.isBridge()) {
        placeRootPort(f, addr, path);
      } else {
        placeEndpoint(f, "pcie.0", addr, path, false);
      }
    }
  }

  private void placeRootPort(PciFunction port, String addr, List<Integer> path) {
    Optional<PciBus> below = secondaryOf(port.bdf());
    if (below.isEmpty()) {
      placed.add(new PlacedFunction(port.bdf(), path, "bridge", group(port), "pcie-root-port"));
      devices.add(
          "pcie-root-port,id=rp"
              + nextPort
              + ",bus=pcie.0,"
              + addr
              + ",chassis="
              + nextPort
              + ",slot="
              + nextPort
              + ",hotplug=off");
      nextPort++;
      return;
    }
    BusAddress sec = below.get().address();
    List<Slot> slots = topology.slots().stream().filter(s -> s.bus().equals(sec)).toList();
    boolean hotplug = false;
    for (Slot s : slots) {
      if (s.device() != 0) {
        problems.add("slot " + s.name() + ": a root port's slot is device 00 of its bus");
      } else if (!s.resetSupported()) {
        problems.add(
            "slot "
                + s.name()
                + ": a hotplug slot without reset_slot (pciehp always"
                + " has one)");
      } else {
        hotplug = true;
      }
    }
    String id = "rp" + nextPort;
    devices.add(
        "pcie-root-port,id="
            + id
            + ",bus=pcie.0,"
            + addr
            + ",chassis="
            + nextPort
            + ",slot="
            + nextPort
            + ",hotplug="
            + (hotplug ? "on" : "off"));
    nextPort++;
    placed.add(new PlacedFunction(port.bdf(), path, "bridge", group(port), "pcie-root-port"));
    Map<Integer, List<PciFunction>> onSec = slotsOn(sec);
    for (var e : onSec.entrySet()) {
      if (e.getKey() != 0) {
        problems.add(
            e.getValue().get(0).bdf() + ": behind a PCIe root port only device 00" + " exists");
        continue;
      }
      placeLinkSlot(id, e.getValue(), path);
    }
  }

  private void placeLinkSlot(String port, List<PciFunction> slot, List<Integer> parentPath) {
    if (slot.get(0).bdf().function() != 0) {
      problems.add(slot.get(0).bdf() + ": a device needs a function 0");
      return;
    }
    boolean multi = slot.size() > 1;
    Set<Integer> sharedGroups = sharedGroupsWithin(slot);
    if (sharedGroups.size() > 1) {
      problems.add(
          slot.get(0).bdf().busAddress()
              + ": functions of one device share more than"
              + " one IOMMU group among them (their stand-ins have no ACS, so the guest puts them"
              + " all in one group)");
    }
    for (PciFunction f : slot) {
      String addr =
          String.format("addr=0x0.%x", f.bdf().function())
              + (multi && f.bdf().function() == 0 ? ",multifunction=on" : "");
      List<Integer> path = new ArrayList<>(parentPath);
      path.add(f.bdf().devfn());
      if (f.isBridge()) {
        if (multi) {
          problems.add(f.bdf() + ": a bridge in a multifunction device");
        }
        placePciBridge(port, f, addr, path);
        continue;
      }
      boolean shared =
          f.iommuGroup().isPresent() && sharedGroups.contains(f.iommuGroup().getAsInt());
      placeEndpoint(f, port, addr, path, shared);
    }
  }

  private void placePciBridge(String port, PciFunction bridge, String addr, List<Integer> path) {
    String id = "pb" + nextPort++;
    devices.add("pcie-pci-bridge,id=" + id + ",bus=" + port + "," + addr + ",shpc=off");
    placed.add(new PlacedFunction(bridge.bdf(), path, "bridge", group(bridge), "pcie-pci-bridge"));
    Optional<PciBus> below = secondaryOf(bridge.bdf());
    if (below.isEmpty()) {
      return;
    }
    Set<Integer> groups = new LinkedHashSet<>();
    bridge.iommuGroup().ifPresent(groups::add);
    for (var e : slotsOn(below.get().address()).entrySet()) {
      boolean multi = e.getValue().size() > 1;
      if (e.getValue().get(0).bdf().function() != 0) {
        problems.add(e.getValue().get(0).bdf() + ": a device needs a function 0");
        continue;
      }
      for (PciFunction f : e.getValue()) {
        f.iommuGroup().ifPresent(groups::add);
        if (f.isBridge()) {
          problems.add(f.bdf() + ": bridges nested more than two deep");
          continue;
        }
        String a =
            String.format("addr=0x%x.%x", f.bdf().device(), f.bdf().function())
                + (multi && f.bdf().function() == 0 ? ",multifunction=on" : "");
        List<Integer> p = new ArrayList<>(path);
        p.add(f.bdf().devfn());
        placeConventional(f, id, a, p);
      }
    }
    if (groups.size() > 1 && !topology.options().noIommuMode()) {
      problems.add(
          bridge.bdf()
              + ": a PCIe-to-PCI bridge and everything behind it form one"
              + " IOMMU group, the scenario splits them into "
              + groups);
    }
  }

  private void placeConventional(PciFunction f, String bus, String addr, List<Integer> path) {
    String model = "e1000";
    devices.add(model + ",bus=" + bus + "," + addr);
    placed.add(new PlacedFunction(f.bdf(), path, want(f), group(f), model));
  }

  private void placeEndpoint(
      PciFunction f, String bus, String addr, List<Integer> path, boolean sharedGroup) {
    String model = sharedGroup ? "e1000" : "e1000e";
    devices.add(model + ",bus=" + bus + "," + addr);
    placed.add(new PlacedFunction(f.bdf(), path, want(f), group(f), model));
  }

  private Set<Integer> sharedGroupsWithin(List<PciFunction> slot) {
    Map<Integer, Integer> count = new HashMap<>();
    for (PciFunction f : slot) {
      f.iommuGroup().ifPresent(g -> count.merge(g, 1, Integer::sum));
    }
    Set<Integer> out = new LinkedHashSet<>();
    count.forEach(
        (g, n) -> {
          if (n > 1) {
            out.add(g);
          }
        });
    return out;
  }

  private Optional<PciBus> secondaryOf(Bdf bridge) {
    return topology.buses().stream()
        .filter(b -> b.bridge().equals(Optional.of(bridge)))
        .findFirst();
  }

  private static int group(PciFunction f) {
    return f.iommuGroup().orElse(-1);
  }

  private static String want(PciFunction f) {
    return switch (f.driver().kind()) {
      case VFIO_PCI -> "vfio-pci";
      case NATIVE -> "native";
      case PCI_STUB -> "pci-stub";
      case PCIEPORT -> "bridge";
      default -> "none";
    };
  }
}
