package org.vfioworkbench.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
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

  private static final Function<PciFunction, Bdf> FUNCTION_KEY = PciFunction::bdf;
  private static final Function<IommuGroup, Integer> GROUP_KEY = IommuGroup::id;
  private static final Function<Container, String> CONTAINER_KEY = Container::id;
  private static final Function<IommufdContext, String> IOMMUFD_KEY = IommufdContext::id;
  private static final Function<Holder, String> HOLDER_KEY = Holder::name;
  private static final Function<List<PciFunction>, Set<Bdf>> PHYSFNS =
      list -> {
        Set<Bdf> out = new HashSet<>();
        for (PciFunction f : list) {
          f.physfn().ifPresent(out::add);
        }
        return Set.copyOf(out);
      };

  /**
   * Look-ups by address, group id, container, iommufd or holder name take constant time: each list
   * carries its own index, shared by every topology an edit derives without changing that list.
   */
  public Topology {
    Objects.requireNonNull(options, "options");
    buses = List.copyOf(buses);
    slots = List.copyOf(slots);
    functions = KeyedList.of(functions, FUNCTION_KEY);
    groups = KeyedList.of(groups, GROUP_KEY);
    containers = KeyedList.of(containers, CONTAINER_KEY);
    iommufds = KeyedList.of(iommufds, IOMMUFD_KEY);
    holders = KeyedList.of(holders, HOLDER_KEY);
    bindOrder = List.copyOf(bindOrder);
  }

  public static Topology empty() {
    return new Topology(
        HostOptions.DEFAULT,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  public Optional<PciFunction> function(Bdf bdf) {
    return keyed(functions, FUNCTION_KEY).find(bdf);
  }

  /** Whether some function is an SR-IOV VF of {@code pf}: the PF has SR-IOV enabled. */
  public boolean hasVirtfns(Bdf pf) {
    return keyed(functions, FUNCTION_KEY).derived(PHYSFNS).contains(pf);
  }

  public Optional<Holder> holder(String name) {
    return keyed(holders, HOLDER_KEY).find(name);
  }

  /**
   * The position of the holder named {@code name} in {@link #holders()} (holders' files are opened
   * in holder order), empty when there is none.
   */
  public OptionalInt holderIndex(String name) {
    int i = keyed(holders, HOLDER_KEY).positionOf(name);
    return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** Whether no two holders share a name (files are then named by holder and fd alone). */
  public boolean holderNamesUnique() {
    return keyed(holders, HOLDER_KEY).keysUnique();
  }

  /**
   * Whether every holder passes {@code test}: remembered on the holder list (pass the same
   * predicate object every time; it must depend on the holder alone), and carried over to the
   * topology {@link #withHolder} derives when the replaced holder passes too, so that a fact
   * established once about all holders costs each later edit one test of the holder it changed.
   */
  public boolean allHolders(Predicate<Holder> test) {
    return keyed(holders, HOLDER_KEY).allMatch(test);
  }

  /**
   * Reports the position of every holder of this topology that is not the very instance {@code
   * earlier} has at that position, looking only at the parts of the two holder lists they do not
   * share (a holder edit shares all but the path to the holder it replaced); returns false, having
   * reported nothing, when the lists differ in length.
   */
  public boolean forEachChangedHolder(Topology earlier, IntConsumer position) {
    return keyed(earlier.holders, HOLDER_KEY).forEachChange(keyed(holders, HOLDER_KEY), position);
  }

  public Optional<IommuGroup> group(int id) {
    return keyed(groups, GROUP_KEY).find(id);
  }

  public Optional<Container> container(String id) {
    return keyed(containers, CONTAINER_KEY).find(id);
  }

  public Optional<IommufdContext> iommufd(String id) {
    return keyed(iommufds, IOMMUFD_KEY).find(id);
  }

  public Optional<OpenFile> file(FdRef ref) {
    return holder(ref.holder()).flatMap(h -> h.file(ref.fd()));
  }

  private static <K, V> KeyedList<K, V> keyed(List<V> list, Function<V, K> key) {
    return KeyedList.of(list, key);
  }

  public Topology withFunctions(List<PciFunction> newFunctions) {
    return new Topology(
        options, buses, slots, newFunctions, groups, containers, iommufds, holders, bindOrder);
  }

  /** Replaces the function at {@code bdf} with {@code change.apply(it)}. */
  public Topology withFunction(Bdf bdf, UnaryOperator<PciFunction> change) {
    KeyedList<Bdf, PciFunction> list = keyed(functions, FUNCTION_KEY);
    int i = list.positionOf(bdf);
    if (i < 0) {
      return withFunctions(list);
    }
    return withFunctions(list.with(i, change.apply(list.get(i))));
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
    KeyedList<String, Holder> list = keyed(holders, HOLDER_KEY);
    int i = list.positionOf(name);
    if (i < 0) {
      return withHolders(list);
    }
    return withHolders(list.with(i, change.apply(list.get(i))));
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
