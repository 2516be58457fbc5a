package org.vfioworkbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The whole state the engine reasons about: the PCI hierarchy, IOMMU groups, DMA contexts and the
 * processes holding VFIO files. Immutable; edits return a new instance.
 *
 * @param options host-wide kernel settings
 * @param buses every bus, root buses included
 * @param slots physical slots
 * @param functions every PCI function
 * @param groups IOMMU groups (members point at them)
 * @param containers legacy containers
 * @param iommufds iommufd contexts
 * @param holders processes and their open files, in the order their files were opened
 * @param bindOrder the order in which functions were bound to vfio-pci, where it matters (dev-set
 *     member order decides which error a multi-failure reports); functions not listed follow in
 *     address order
 */
public record Topology(
    HostOptions options,
    List<PciBus> buses,
    List<Slot> slots,
    List<PciFunction> functions,
    List<IommuGroup> groups,
    List<Container> containers,
    List<IommufdContext> iommufds,
    List<Holder> holders,
    List<Bdf> bindOrder) {

  public Topology {
    Objects.requireNonNull(options, "options");
    buses = List.copyOf(buses);
    slots = List.copyOf(slots);
    functions = List.copyOf(functions);
    groups = List.copyOf(groups);
    containers = List.copyOf(containers);
    iommufds = List.copyOf(iommufds);
    holders = List.copyOf(holders);
    bindOrder = List.copyOf(bindOrder);
  }

  public static Topology empty() {
    return new Topology(
        HostOptions.DEFAULT, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }

  public Optional<PciFunction> function(Bdf bdf) {
    return functions.stream().filter(f -> f.bdf().equals(bdf)).findFirst();
  }

  public Optional<Holder> holder(String name) {
    return holders.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  public Optional<IommuGroup> group(int id) {
    return groups.stream().filter(g -> g.id() == id).findFirst();
  }

  public Optional<Container> container(String id) {
    return containers.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<IommufdContext> iommufd(String id) {
    return iommufds.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<OpenFile> file(FdRef ref) {
    return holder(ref.holder()).flatMap(h -> h.file(ref.fd()));
  }

  public Topology withFunctions(List<PciFunction> newFunctions) {
    return new Topology(
        options, buses, slots, newFunctions, groups, containers, iommufds, holders, bindOrder);
  }

  /** Replaces the function at {@code bdf} with {@code change.apply(it)}. */
  public Topology withFunction(Bdf bdf, UnaryOperator<PciFunction> change) {
    List<PciFunction> list = new ArrayList<>(functions.size());
    for (PciFunction f : functions) {
      list.add(f.bdf().equals(bdf) ? change.apply(f) : f);
    }
    return withFunctions(list);
  }

  public Topology withSlots(List<Slot> newSlots) {
    return new Topology(
        options, buses, newSlots, functions, groups, containers, iommufds, holders, bindOrder);
  }

  public Topology withHolders(List<Holder> newHolders) {
    return new Topology(
        options, buses, slots, functions, groups, containers, iommufds, newHolders, bindOrder);
  }

  /** Replaces the holder named {@code name} with {@code change.apply(it)}. */
  public Topology withHolder(String name, UnaryOperator<Holder> change) {
    List<Holder> list = new ArrayList<>(holders.size());
    for (Holder h : holders) {
      list.add(h.name().equals(name) ? change.apply(h) : h);
    }
    return withHolders(list);
  }

  public Topology withContainers(List<Container> newContainers) {
    return new Topology(
        options, buses, slots, functions, groups, newContainers, iommufds, holders, bindOrder);
  }

  public Topology withIommufds(List<IommufdContext> newIommufds) {
    return new Topology(
        options, buses, slots, functions, groups, containers, newIommufds, holders, bindOrder);
  }

  public Topology withBindOrder(List<Bdf> newBindOrder) {
    return new Topology(
        options, buses, slots, functions, groups, containers, iommufds, holders, newBindOrder);
  }

  public Topology withOptions(HostOptions newOptions) {
    return new Topology(
        newOptions, buses, slots, functions, groups, containers, iommufds, holders, bindOrder);
  }

  public Topology withGroups(List<IommuGroup> newGroups) {
    return new Topology(
        options, buses, slots, functions, newGroups, containers, iommufds, holders, bindOrder);
  }

  public Topology withBuses(List<PciBus> newBuses) {
    return new Topology(
        options, newBuses, slots, functions, groups, containers, iommufds, holders, bindOrder);
  }
}
