package org.vfioworkbench.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.HeaderType;
import org.vfioworkbench.model.HostOptions;
import org.vfioworkbench.model.HotplugDriver;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Slot;
import org.vfioworkbench.scenario.dto.BusDto;
import org.vfioworkbench.scenario.dto.FunctionDto;
import org.vfioworkbench.scenario.dto.GroupDto;
import org.vfioworkbench.scenario.dto.ScenarioDto;
import org.vfioworkbench.scenario.dto.SlotDto;

/**
 * The PCI part of a scenario: functions, buses (a tree of bridges without cycles, every bridge a
 * declared bridge function), slots and IOMMU groups.
 */
final class PciMapper {

  /** The mapped PCI part. */
  record Pci(
      List<PciBus> buses, List<Slot> slots, List<PciFunction> functions, List<IommuGroup> groups) {}

  private final Map<Bdf, Integer> functionIndex = new HashMap<>();
  private final Map<Bdf, PciFunction> functions = new LinkedHashMap<>();
  private final Map<BusAddress, PciBus> buses = new LinkedHashMap<>();
  private final Map<BusAddress, Integer> busIndex = new HashMap<>();

  private PciMapper() {}

  static Pci map(ScenarioDto dto, HostOptions options) {
    return new PciMapper().run(dto, options);
  }

  private Pci run(ScenarioDto dto, HostOptions options) {
    mapFunctions(Values.list(dto.functions()));
    mapBuses(Values.list(dto.buses()));
    checkBusTree();
    checkFunctionsSitOnDeclaredBuses();
    checkPhysfns();
    List<Slot> slots = mapSlots(Values.list(dto.slots()));
    List<IommuGroup> groups =
        mapGroups(Values.list(dto.groups()), Values.list(dto.functions()), options);
    return new Pci(
        new ArrayList<>(buses.values()), slots, new ArrayList<>(functions.values()), groups);
  }

  private void mapFunctions(List<FunctionDto> list) {
    for (int i = 0; i < list.size(); i++) {
      String path = JsonLocationIndex.element("$.functions", i);
      PciFunction f = FunctionMapper.toModel(Values.element(list.get(i), path, "a function"), path);
      Integer first = functionIndex.putIfAbsent(f.bdf(), i);
      if (first != null) {
        throw new Problem(
            path + ".bdf", f.bdf() + " is declared twice (first at $.functions[" + first + "])");
      }
      functions.put(f.bdf(), f);
    }
  }

  private void mapBuses(List<BusDto> list) {
    Map<Bdf, BusAddress> bridgeOf = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = JsonLocationIndex.element("$.buses", i);
      BusDto b = Values.element(list.get(i), path, "a bus");
      BusAddress address = Values.bus(Values.required(b.bus(), path, "bus"), path + ".bus");
      Integer first = busIndex.putIfAbsent(address, i);
      if (first != null) {
        throw new Problem(
            path + ".bus",
            "bus " + address + " is declared twice (first at $.buses[" + first + "])");
      }
      if (b.bridge() == null) {
        buses.put(address, PciBus.root(address));
        continue;
      }
      String at = path + ".bridge";
      Bdf bridge = Values.bdf(b.bridge(), at);
      PciFunction f = functions.get(bridge);
      if (f == null) {
        throw new Problem(
            at, "bridge " + bridge + " of bus " + address + " is not among the functions");
      }
      if (f.headerType() != HeaderType.BRIDGE) {
        throw new Problem(
            at,
            bridge
                + " is the bridge of bus "
                + address
                + ", so its function entry needs \"header\": \"bridge\"");
      }
      if (address.segment() != bridge.segment()) {
        throw new Problem(
            at,
            "bus "
                + address
                + " cannot be behind "
                + bridge
                + ": a bridge's secondary bus lies in the bridge's own PCI segment (domain)");
      }
      if (address.bus() <= bridge.bus()) {
        throw new Problem(
            at,
            "bus "
                + address
                + " cannot be behind "
                + bridge
                + ": a bridge's secondary bus number is higher than the bus the bridge sits on"
                + " (pci_scan_bridge treats secondary <= primary as broken)");
      }
      BusAddress already = bridgeOf.putIfAbsent(bridge, address);
      if (already != null) {
        throw new Problem(
            at,
            "bridge "
                + bridge
                + " already leads to bus "
                + already
                + "; a bridge has one secondary bus");
      }
      buses.put(address, PciBus.below(address, bridge));
    }
  }

  /**
   * Follows each bus up through its bridge; coming back to a bus means the bridges form a cycle.
   */
  private void checkBusTree() {
    for (PciBus start : buses.values()) {
      Set<BusAddress> seen = new LinkedHashSet<>();
      PciBus bus = start;
      List<String> chain = new ArrayList<>();
      while (bus != null && bus.bridge().isPresent()) {
        if (!seen.add(bus.address())) {
          throw new Problem(
              JsonLocationIndex.element("$.buses", busIndex.get(start.address())) + ".bridge",
              "the bridges form a cycle: " + String.join(" → ", chain));
        }
        Bdf bridge = bus.bridge().get();
        chain.add("bus " + bus.address() + " is behind " + bridge);
        bus = buses.get(bridge.busAddress());
      }
    }
  }

  private void checkFunctionsSitOnDeclaredBuses() {
    for (PciFunction f : functions.values()) {
      BusAddress bus = f.bdf().busAddress();
      if (!buses.containsKey(bus)) {
        throw new Problem(
            functionPath(f.bdf()) + ".bdf",
            "bus "
                + bus
                + " is not declared in \"buses\" "
                + "(add {\"bus\": \""
                + bus
                + "\", \"bridge\": \"...\"}, or {\"bus\": \""
                + bus
                + "\"} for a root bus)");
      }
    }
  }

  private void checkPhysfns() {
    for (PciFunction f : functions.values()) {
      if (f.physfn().isEmpty()) {
        continue;
      }
      String at = functionPath(f.bdf()) + ".physfn";
      PciFunction pf = functions.get(f.physfn().get());
      if (pf == null) {
        throw new Problem(
            at, "physical function " + f.physfn().get() + " is not among the functions");
      }
      if (pf.isVirtfn()) {
        throw new Problem(at, pf.bdf() + " is itself a VF; a VF's physfn is a PF");
      }
    }
  }

  /**
   * The slot's hotplug driver: {@code hotplug} when given, else the older {@code reset} flag (true:
   * pciehp, false: a driver without reset_slot), else pciehp.
   */
  private static HotplugDriver hotplug(SlotDto s, String path) {
    if (s.hotplug() != null) {
      if (s.reset() != null
          && s.reset()
              != HotplugDriver.byId(s.hotplug())
                  .map(HotplugDriver::hasResetSlot)
                  .orElse(s.reset())) {
        throw new Problem(
            path + ".reset",
            "\"reset\": "
                + s.reset()
                + " contradicts \"hotplug\": \""
                + s.hotplug()
                + "\"; drop \"reset\"");
      }
      return HotplugDriver.byId(s.hotplug())
          .orElseThrow(
              () ->
                  new Problem(
                      path + ".hotplug",
                      "unknown hotplug driver \""
                          + s.hotplug()
                          + "\"; known: "
                          + java.util.Arrays.stream(HotplugDriver.values())
                              .map(HotplugDriver::id)
                              .collect(java.util.stream.Collectors.joining(", "))));
    }
    if (s.reset() != null) {
      return s.reset() ? HotplugDriver.PCIEHP : HotplugDriver.OTHER;
    }
    return HotplugDriver.PCIEHP;
  }

  private List<Slot> mapSlots(List<SlotDto> list) {
    List<Slot> out = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = JsonLocationIndex.element("$.slots", i);
      SlotDto s = Values.element(list.get(i), path, "a slot");
      String name = Values.name(s.name(), path, "slot \"name\"");
      Integer first = names.putIfAbsent(name, i);
      if (first != null) {
        throw new Problem(
            path + ".name",
            "slot \"" + name + "\" is declared twice (first at $.slots[" + first + "])");
      }
      BusAddress bus = Values.bus(Values.required(s.bus(), path, "bus"), path + ".bus");
      if (!buses.containsKey(bus)) {
        throw new Problem(path + ".bus", "bus " + bus + " is not declared in \"buses\"");
      }
      int device =
          Values.range(
              Values.required(s.device(), path, "device"),
              0,
              0x1f,
              path + ".device",
              "device number");
      Integer other = positions.putIfAbsent(bus + "/" + device, i);
      if (other != null) {
        throw new Problem(
            path,
            "slot \""
                + name
                + "\" sits where $.slots["
                + other
                + "] sits (bus "
                + bus
                + ", device "
                + device
                + ")");
      }
      if (Boolean.TRUE.equals(s.reset()) && buses.get(bus).bridge().isEmpty()) {
        throw new Problem(
            path + ".reset",
            "slot \""
                + name
                + "\" on root bus "
                + bus
                + " cannot have a reset: slot reset is the hotplug controller of the bridge above the"
                + " slot (pciehp's reset_slot), and a root bus has no bridge");
      }
      out.add(new Slot(name, bus, device, hotplug(s, path)));
    }
    return out;
  }

  private List<IommuGroup> mapGroups(
      List<GroupDto> declared, List<FunctionDto> dtos, HostOptions options) {
    Map<Integer, IommuGroup> groups = new LinkedHashMap<>();
    for (int i = 0; i < declared.size(); i++) {
      String path = JsonLocationIndex.element("$.groups", i);
      GroupDto g = Values.element(declared.get(i), path, "a group");
      int id =
          Values.range(
              Values.required(g.id(), path, "id"),
              0,
              Integer.MAX_VALUE,
              path + ".id",
              "IOMMU group");
      if (groups.containsKey(id)) {
        throw new Problem(path + ".id", "group " + id + " is declared twice");
      }
      groups.put(
          id,
          new IommuGroup(
              id, Boolean.TRUE.equals(g.noiommu()) ? GroupKind.NOIOMMU : GroupKind.IOMMU));
    }
    Map<Integer, Bdf> noIommuMember = new HashMap<>();
    for (int i = 0; i < dtos.size(); i++) {
      PciFunction f = functions.get(Values.bdf(dtos.get(i).bdf(), "$"));
      if (f.iommuGroup().isEmpty()) {
        continue;
      }
      String path = JsonLocationIndex.element("$.functions", i);
      int id = f.iommuGroup().getAsInt();
      GroupKind kind =
          Boolean.TRUE.equals(dtos.get(i).noiommu()) ? GroupKind.NOIOMMU : GroupKind.IOMMU;
      IommuGroup existing = groups.putIfAbsent(id, new IommuGroup(id, kind));
      if (existing != null && existing.kind() != kind) {
        throw new Problem(
            path + (dtos.get(i).noiommu() == null ? ".group" : ".noiommu"),
            "group "
                + id
                + (existing.kind() == GroupKind.NOIOMMU
                    ? " is a no-IOMMU group"
                    : " is an IOMMU group")
                + " elsewhere in this file; say \"noiommu\" the same way for every member");
      }
      if (kind == GroupKind.NOIOMMU) {
        if (!options.noIommuMode()) {
          throw new Problem(
              path + ".noiommu",
              "no-IOMMU groups exist only with \"host\": {\"noIommuMode\": true} "
                  + "(vfio.enable_unsafe_noiommu_mode=1)");
        }
        Bdf other = noIommuMember.putIfAbsent(id, f.bdf());
        if (other != null) {
          throw new Problem(
              path + ".group",
              "no-IOMMU group "
                  + id
                  + " already holds "
                  + other
                  + "; VFIO gives every no-IOMMU function a group of its own");
        }
      }
    }
    return new ArrayList<>(groups.values());
  }

  private String functionPath(Bdf bdf) {
    return JsonLocationIndex.element("$.functions", functionIndex.get(bdf));
  }
}
