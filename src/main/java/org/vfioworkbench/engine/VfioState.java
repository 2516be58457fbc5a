package org.vfioworkbench.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * VFIO's runtime state derived from a topology: registered vfio devices and their dev-sets, which
 * VFIO groups exist and who has them open, and each device's open state and iommufd binding.
 * Holders' files are replayed in order (holders in list order, files in list order), which is also
 * how devids are numbered within each iommufd context.
 *
 * <p>{@link #after} derives the state of an edited topology from this one by replaying only what
 * the edit can change: the files that differ, and every file that reads or writes what those files
 * touch (the device, its IOMMU group and the group's other devices, the iommufd context whose
 * devids they share), found through indexes of the files by device, group and context. The maps are
 * persistent ({@link LayeredMap}), so the rest is shared with this state.
 */
final class VfioState {

  private final Topology topology;
  private final PciIndex pci;
  private final DevSets devSets;
  private final boolean incremental;
  private final LayeredMap<Bdf, DeviceState> devices;
  private final LayeredMap<Integer, GroupOpen> groupOpen;
  private final LayeredMap<String, Set<Integer>> ictxGroups;
  private final LayeredMap<Bdf, List<FdRef>> byDevice;
  private final LayeredMap<Integer, List<FdRef>> byGroup;
  private final LayeredMap<String, List<FdRef>> byIctx;
  private static final AtomicLong IDS = new AtomicLong();

  /** This state's identity, and its predecessor's (0 for a state built from scratch). */
  private final long id = IDS.incrementAndGet();

  private final long fromId;
  private final Touched touched;

  /**
   * What {@link #after} replayed to derive a state from its predecessor: the devices, groups and
   * iommufds its changed files reach, and the holders whose files changed. Nothing else of the
   * state differs from the predecessor's.
   */
  record Touched(Set<Bdf> devices, Set<Integer> groups, Set<String> ictxs, Set<String> holders) {}

  private volatile Map<Bdf, DeviceState> inBindOrder;

  /** Replays every holder's files. */
  VfioState(Topology topology, PciIndex pci, DevSets devSets) {
    this.topology = topology;
    this.pci = pci;
    this.devSets = devSets;
    this.fromId = 0;
    this.touched = null;
    Map<Bdf, List<FdRef>> dev = new HashMap<>();
    Map<Integer, List<FdRef>> grp = new HashMap<>();
    Map<String, List<FdRef>> ictx = new HashMap<>();
    List<OpenFile> all = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean unique = true;
    for (Holder h : topology.holders()) {
      unique &= names.add(h.name());
      for (OpenFile f : h.files()) {
        all.add(f);
        FdRef ref = new FdRef(h.name(), f.fd());
        forEachKey(
            f,
            b -> dev.computeIfAbsent(b, k -> new ArrayList<>(2)).add(ref),
            g -> grp.computeIfAbsent(g, k -> new ArrayList<>(1)).add(ref),
            x -> ictx.computeIfAbsent(x, k -> new ArrayList<>()).add(ref));
      }
    }
    Replay r = new Replay(devSets.registered(), new DevidAllocator(all));
    for (Holder h : topology.holders()) {
      for (OpenFile f : h.files()) {
        r.apply(new FdRef(h.name(), f.fd()), f);
      }
    }
    this.incremental = unique;
    this.devices = LayeredMap.of(r.devices);
    this.groupOpen = LayeredMap.of(r.groupOpen);
    this.ictxGroups = LayeredMap.of(frozen(r.ictxGroups));
    this.byDevice = LayeredMap.of(dev);
    this.byGroup = LayeredMap.of(grp);
    this.byIctx = LayeredMap.of(ictx);
  }

  private VfioState(
      Topology topology,
      VfioState from,
      LayeredMap<Bdf, DeviceState> devices,
      LayeredMap<Integer, GroupOpen> groupOpen,
      LayeredMap<String, Set<Integer>> ictxGroups,
      LayeredMap<Bdf, List<FdRef>> byDevice,
      LayeredMap<Integer, List<FdRef>> byGroup,
      LayeredMap<String, List<FdRef>> byIctx,
      Touched touched) {
    this.topology = topology;
    this.fromId = from.id;
    this.touched = touched;
    this.pci = from.pci;
    this.devSets = from.devSets;
    this.incremental = true;
    this.devices = devices;
    this.groupOpen = groupOpen;
    this.ictxGroups = ictxGroups;
    this.byDevice = byDevice;
    this.byGroup = byGroup;
    this.byIctx = byIctx;
  }

  /** How many states {@link #of} remembers to derive the next one from. */
  private static final int REMEMBERED = 4;

  private static final RecentlyUsed<VfioState> RECENT = RecentlyUsed.whileInUse(REMEMBERED);

  /**
   * The state of {@code topology} under {@code profile}: a state remembered for this very topology,
   * else one derived with {@link #after} from the latest remembered state of the same PCI part (the
   * edit that led here, typically), else a full replay. Edits that need no ioctl answers (pinning
   * devids, a driver change's checks) use this, so they cost what they change.
   */
  static VfioState of(Topology topology, Profile profile) {
    PciAnalysis pci = PciAnalysis.of(topology, profile);
    Predicate<VfioState> samePci = s -> s.pci == pci.pci && s.devSets == pci.devSets;
    Optional<VfioState> same = RECENT.find(samePci.and(s -> s.topology == topology));
    if (same.isPresent()) {
      return same.get();
    }
    return remember(
        RECENT
            .find(samePci)
            .map(base -> base.after(topology))
            .orElseGet(() -> new VfioState(topology, pci.pci, pci.devSets)));
  }

  /** Keeps {@code state} among the few {@link #of} derives from; returns it. */
  static VfioState remember(VfioState state) {
    return RECENT.remember(state);
  }

  /**
   * The state of {@code edited}, which must have this state's PCI part (the same PCI analysis):
   * only what its holders' changed files can reach is replayed.
   */
  VfioState after(Topology edited) {
    if (!incremental) {
      return new VfioState(edited, pci, devSets);
    }
    Optional<HolderDiff> diff = HolderDiff.of(topology, edited);
    if (diff.isEmpty()) {
      return new VfioState(edited, pci, devSets);
    }
    HolderDiff d = DevidRestatements.leftOut(diff.get(), this, edited);
    Map<Bdf, List<FdRef>> dev = new HashMap<>();
    Map<Integer, List<FdRef>> grp = new HashMap<>();
    Map<String, List<FdRef>> ictx = new HashMap<>();
    for (HolderDiff.Change c : d.removed()) {
      forEachKey(
          c.file(),
          b -> edit(dev, byDevice, b).remove(c.ref()),
          g -> edit(grp, byGroup, g).remove(c.ref()),
          x -> edit(ictx, byIctx, x).remove(c.ref()));
    }
    for (HolderDiff.Change c : d.added()) {
      forEachKey(
          c.file(),
          b -> edit(dev, byDevice, b).add(c.ref()),
          g -> edit(grp, byGroup, g).add(c.ref()),
          x -> edit(ictx, byIctx, x).add(c.ref()));
    }
    LayeredMap<Bdf, List<FdRef>> nextByDevice = byDevice.with(frozenLists(dev));
    LayeredMap<Integer, List<FdRef>> nextByGroup = byGroup.with(frozenLists(grp));
    LayeredMap<String, List<FdRef>> nextByIctx = byIctx.with(frozenLists(ictx));

    Closure closure = new Closure(edited, nextByDevice, nextByGroup, nextByIctx);
    d.removed().forEach(c -> closure.seed(c.file()));
    d.added().forEach(c -> closure.seed(c.file()));
    closure.run();

    List<Map.Entry<FdRef, OpenFile>> files = closure.filesInOrder();
    List<Bdf> registered = new ArrayList<>();
    for (Bdf b : closure.devices) {
      if (devSets.of(b).isPresent()) {
        registered.add(b);
      }
    }
    Replay r =
        new Replay(
            registered, new DevidAllocator(files.stream().map(Map.Entry::getValue).toList()));
    for (Map.Entry<FdRef, OpenFile> e : files) {
      r.apply(e.getKey(), e.getValue());
    }
    Map<Bdf, DeviceState> deviceUpdates = new HashMap<>();
    registered.forEach(b -> deviceUpdates.put(b, r.devices.get(b)));
    Map<Integer, GroupOpen> groupUpdates = new HashMap<>();
    closure.groups.forEach(g -> groupUpdates.put(g, r.groupOpen.get(g)));
    Map<String, Set<Integer>> ictxUpdates = new HashMap<>();
    Map<String, Set<Integer>> replayed = frozen(r.ictxGroups);
    closure.ictxs.forEach(x -> ictxUpdates.put(x, replayed.get(x)));
    return new VfioState(
        edited,
        this,
        devices.with(deviceUpdates),
        groupOpen.with(groupUpdates),
        ictxGroups.with(ictxUpdates),
        nextByDevice,
        nextByGroup,
        nextByIctx,
        touched(d, closure, edited));
  }

  /**
   * What the replay reached, and what the changed files name without replaying: an iommufd or a
   * container opened or closed changes no device's state but can change what the kernel would
   * answer to a file bound or attached to it (a what-if open, for one).
   */
  private Touched touched(HolderDiff d, Closure closure, Topology edited) {
    Set<Integer> groups = new HashSet<>(closure.groups);
    Set<String> ictxs = new HashSet<>(closure.ictxs);
    Set<String> holders = new HashSet<>();
    List<HolderDiff.Change> changes = new ArrayList<>(d.removed());
    changes.addAll(d.added());
    for (HolderDiff.Change c : changes) {
      String holder = c.ref().holder();
      holders.add(holder);
      if (c.file() instanceof IommufdFile i) {
        ictxs.add(i.iommufd());
      } else if (c.file() instanceof ContainerFile k) {
        for (Topology t : List.of(topology, edited)) {
          t.holder(holder).ifPresent(h -> groupsAttachedTo(h, k.container(), groups));
        }
      }
    }
    return new Touched(
        Set.copyOf(closure.devices), Set.copyOf(groups), Set.copyOf(ictxs), Set.copyOf(holders));
  }

  private static void groupsAttachedTo(Holder h, String container, Set<Integer> out) {
    for (OpenFile f : h.files()) {
      if (f instanceof GroupFile g
          && g.attachedTo()
              .filter(c -> c.kind() == DmaContextRef.Kind.CONTAINER && c.id().equals(container))
              .isPresent()) {
        out.add(g.group());
      }
    }
  }

  /**
   * What was replayed to derive this state from {@code previous}, when this state was derived from
   * it directly by {@link #after}; empty otherwise (a state built from scratch, or from another
   * state).
   */
  Optional<Touched> touchedSince(VfioState previous) {
    return fromId == previous.id && touched != null ? Optional.of(touched) : Optional.empty();
  }

  /** The fds of files that reference iommufd {@code ictx}. */
  List<FdRef> fdsOnIctx(String ictx) {
    List<FdRef> fds = byIctx.get(ictx);
    return fds == null ? List.of() : fds;
  }

  private static <K> List<FdRef> edit(
      Map<K, List<FdRef>> edits, LayeredMap<K, List<FdRef>> current, K key) {
    return edits.computeIfAbsent(
        key,
        k -> {
          List<FdRef> now = current.get(k);
          return now == null ? new ArrayList<>() : new ArrayList<>(now);
        });
  }

  private static <K> Map<K, List<FdRef>> frozenLists(Map<K, List<FdRef>> edits) {
    Map<K, List<FdRef>> out = new HashMap<>();
    edits.forEach((k, v) -> out.put(k, v.isEmpty() ? null : List.copyOf(v)));
    return out;
  }

  private static Map<String, Set<Integer>> frozen(Map<String, Set<Integer>> sets) {
    Map<String, Set<Integer>> out = new HashMap<>();
    sets.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return out;
  }

  /** What a file refers to: its device, its group, its iommufd context. */
  static void forEachKey(
      OpenFile f,
      java.util.function.Consumer<Bdf> device,
      java.util.function.IntConsumer group,
      java.util.function.Consumer<String> ictx) {
    if (f instanceof GroupFile g) {
      group.accept(g.group());
      g.attachedTo()
          .filter(c -> c.kind() == DmaContextRef.Kind.IOMMUFD)
          .ifPresent(c -> ictx.accept(c.id()));
    } else if (f instanceof DeviceFile d) {
      device.accept(d.device());
    } else if (f instanceof CdevFile c) {
      device.accept(c.device());
      c.boundTo().ifPresent(ictx);
    }
  }

  /**
   * Everything the replay of a changed file can read or write, closed under "a file that reads or
   * writes it": devices with their group, groups with their members and group files, contexts with
   * the files bound or attached to them.
   */
  private final class Closure {
    final Topology edited;
    final LayeredMap<Bdf, List<FdRef>> fdsByDevice;
    final LayeredMap<Integer, List<FdRef>> fdsByGroup;
    final LayeredMap<String, List<FdRef>> fdsByIctx;
    final Set<Bdf> devices = new HashSet<>();
    final Set<Integer> groups = new HashSet<>();
    final Set<String> ictxs = new HashSet<>();
    final Map<FdRef, OpenFile> files = new HashMap<>();
    final Deque<Object> work = new ArrayDeque<>();

    Closure(
        Topology edited,
        LayeredMap<Bdf, List<FdRef>> fdsByDevice,
        LayeredMap<Integer, List<FdRef>> fdsByGroup,
        LayeredMap<String, List<FdRef>> fdsByIctx) {
      this.edited = edited;
      this.fdsByDevice = fdsByDevice;
      this.fdsByGroup = fdsByGroup;
      this.fdsByIctx = fdsByIctx;
    }

    void seed(OpenFile f) {
      forEachKey(f, this::device, this::group, this::ictx);
    }

    private void device(Bdf b) {
      if (devices.add(b)) {
        work.add(b);
      }
    }

    private void group(int g) {
      if (groups.add(g)) {
        work.add(g);
      }
    }

    private void ictx(String x) {
      if (ictxs.add(x)) {
        work.add(x);
      }
    }

    void run() {
      while (!work.isEmpty()) {
        Object key = work.poll();
        if (key instanceof Bdf b) {
          pci.groupOf(b).ifPresent(this::group);
          refs(fdsByDevice.get(b));
        } else if (key instanceof Integer g) {
          pci.groupMembers(g).forEach(this::device);
          refs(fdsByGroup.get(g));
        } else if (key instanceof String x) {
          refs(fdsByIctx.get(x));
        }
      }
    }

    private void refs(List<FdRef> refs) {
      if (refs == null) {
        return;
      }
      for (FdRef ref : refs) {
        if (!files.containsKey(ref)) {
          OpenFile f = edited.file(ref).orElseThrow();
          files.put(ref, f);
          seed(f);
        }
      }
    }

    /** The files found, in replay order: holders in list order, files in list order. */
    List<Map.Entry<FdRef, OpenFile>> filesInOrder() {
      return filesInOrder(Optional.empty(), f -> false);
    }

    /**
     * The files found plus, of the holders of those files and of {@code alsoHolder}, every file
     * {@code alsoTake} accepts, in replay order.
     */
    List<Map.Entry<FdRef, OpenFile>> filesInOrder(
        Optional<String> alsoHolder, Predicate<OpenFile> alsoTake) {
      Map<String, Set<Integer>> byHolder = new HashMap<>();
      files
          .keySet()
          .forEach(r -> byHolder.computeIfAbsent(r.holder(), k -> new HashSet<>()).add(r.fd()));
      alsoHolder.ifPresent(h -> byHolder.computeIfAbsent(h, k -> new HashSet<>()));
      List<String> holders = new ArrayList<>(byHolder.keySet());
      holders.sort(Comparator.comparingInt(h -> edited.holderIndex(h).orElseThrow()));
      List<Map.Entry<FdRef, OpenFile>> out = new ArrayList<>(files.size());
      for (String name : holders) {
        Set<Integer> fds = byHolder.get(name);
        for (OpenFile f : edited.holder(name).orElseThrow().files()) {
          if (fds.contains(f.fd()) || alsoTake.test(f)) {
            out.add(Map.entry(new FdRef(name, f.fd()), f));
          }
        }
      }
      return out;
    }
  }

  /** The replay of files in order onto a state where every device it may touch starts unopened. */
  private final class Replay {
    final Map<Bdf, DeviceState> devices = new LinkedHashMap<>();
    final Map<Integer, GroupOpen> groupOpen = new HashMap<>();
    final Map<String, Set<Integer>> ictxGroups = new HashMap<>();
    final DevidAllocator allocator;

    Replay(List<Bdf> registered, DevidAllocator allocator) {
      this.allocator = allocator;
      for (Bdf bdf : registered) {
        devices.put(
            bdf,
            new DeviceState(
                bdf, List.of(), Optional.empty(), false, Optional.empty(), OptionalLong.empty()));
      }
    }

    void apply(FdRef ref, OpenFile file) {
      EngineCounters.count(EngineCounters.Event.FILE_REPLAYED);
      if (file instanceof GroupFile g) {
        groupOpen.putIfAbsent(g.group(), new GroupOpen(ref, g));
      } else if (file instanceof DeviceFile d) {
        openThroughGroup(d, ref);
      } else if (file instanceof CdevFile c) {
        openThroughCdev(c, ref);
      }
    }

    private void openThroughGroup(DeviceFile d, FdRef ref) {
      DeviceState s = devices.get(d.device());
      if (s == null) {
        return;
      }
      List<FdRef> fds = new ArrayList<>(s.groupFds());
      fds.add(ref);
      Optional<String> ictx = s.boundIctx();
      OptionalLong devid = s.devid();
      Optional<String> compat = compatIommufd(d.device());
      if (ictx.isEmpty() && compat.isPresent()) {
        ictx = compat;
        devid = OptionalLong.of(allocator.next(compat.get()));
        bindIntoIctx(d.device(), compat.get());
      }
      devices.put(
          d.device(), new DeviceState(d.device(), fds, s.cdevFd(), s.cdevOpened(), ictx, devid));
    }

    /**
     * The iommufd a device's group was attached to in compat mode, if its devices get bound into it
     * on first open ({@code vfio_df_iommufd_bind}; no-IOMMU devices are not bound).
     */
    private Optional<String> compatIommufd(Bdf bdf) {
      Optional<Integer> group = groupOf(bdf);
      if (group.isEmpty() || pci.isNoIommu(group.get())) {
        return Optional.empty();
      }
      GroupOpen open = groupOpen.get(group.get());
      if (open == null) {
        return Optional.empty();
      }
      return open.file()
          .attachedTo()
          .filter(c -> c.kind() == DmaContextRef.Kind.IOMMUFD)
          .map(DmaContextRef::id);
    }

    private void openThroughCdev(CdevFile c, FdRef ref) {
      DeviceState s = devices.get(c.device());
      if (s == null || s.cdevFd().isPresent() && s.cdevOpened()) {
        return;
      }
      if (c.boundTo().isEmpty()) {
        if (s.cdevFd().isEmpty()) {
          devices.put(
              c.device(),
              new DeviceState(
                  c.device(), s.groupFds(), Optional.of(ref), false, s.boundIctx(), s.devid()));
        }
        return;
      }
      String ictx = c.boundTo().get();
      long devid;
      if (c.devid().isPresent()) {
        devid = c.devid().getAsInt();
      } else {
        devid = allocator.next(ictx);
      }
      bindIntoIctx(c.device(), ictx);
      devices.put(
          c.device(),
          new DeviceState(
              c.device(),
              s.groupFds(),
              Optional.of(ref),
              true,
              Optional.of(ictx),
              OptionalLong.of(devid)));
    }

    private void bindIntoIctx(Bdf bdf, String ictx) {
      groupOf(bdf).ifPresent(g -> ictxGroups.computeIfAbsent(ictx, k -> new HashSet<>()).add(g));
    }
  }

  /**
   * The files of this state's topology that can decide whether {@code holder} may open {@code file}
   * after all of them, in replay order: every file that reads or writes what {@code file} touches,
   * closed as in {@link #after} (its device, the device's group and the group's other devices, its
   * iommufd context, and what the files found touch in turn), plus every file of the holders of
   * those files, and of {@code holder}, that {@code holderOwn} accepts (the open rules also look at
   * what a holder itself has open: its containers and iommufds). Empty when files are not named
   * uniquely (two holders of one name), which the caller must then replay in full.
   */
  Optional<List<Map.Entry<FdRef, OpenFile>>> filesDeciding(
      OpenFile file, String holder, Predicate<OpenFile> holderOwn) {
    if (!incremental) {
      return Optional.empty();
    }
    Closure c = new Closure(topology, byDevice, byGroup, byIctx);
    c.seed(file);
    c.run();
    return Optional.of(c.filesInOrder(Optional.of(holder), holderOwn));
  }

  /** Whether this state indexes its files by holder name and fd (holder names are unique). */
  boolean indexed() {
    return incremental;
  }

  Optional<Integer> groupOf(Bdf bdf) {
    return pci.groupOf(bdf);
  }

  Optional<DevSet> devSetOf(Bdf bdf) {
    return devSets.of(bdf);
  }

  List<DevSet> devSets() {
    return devSets.all();
  }

  Optional<DeviceState> device(Bdf bdf) {
    return Optional.ofNullable(devices.get(bdf));
  }

  /** Every registered device's state, in bind order (built when first asked). */
  Map<Bdf, DeviceState> devices() {
    Map<Bdf, DeviceState> m = inBindOrder;
    if (m == null) {
      Map<Bdf, DeviceState> out = new LinkedHashMap<>();
      for (Bdf b : devSets.registered()) {
        out.put(b, devices.get(b));
      }
      m = Collections.unmodifiableMap(out);
      inBindOrder = m;
    }
    return m;
  }

  /** The device fds and cdev fds open on {@code bdf}, in no particular order. */
  List<FdRef> fdsOn(Bdf bdf) {
    List<FdRef> fds = byDevice.get(bdf);
    return fds == null ? List.of() : fds;
  }

  Optional<GroupOpen> groupOpen(int group) {
    return Optional.ofNullable(groupOpen.get(group));
  }

  /** {@code iommufd_ctx_has_group}: some device of {@code group} is bound into {@code ictx}. */
  boolean ictxHasGroup(String ictx, int group) {
    Set<Integer> groups = ictxGroups.get(ictx);
    return groups != null && groups.contains(group);
  }

  /** A VFIO group exists while at least one function of the IOMMU group is vfio-registered. */
  boolean vfioGroupExists(int group) {
    return pci.groupMembers(group).stream().anyMatch(b -> devSets.of(b).isPresent());
  }

  /**
   * Why a function is not a member of a given dev-set: "a bridge on pcieport", "bound to X", ...
   */
  String whyNotMember(Bdf bdf) {
    PciFunction f = pci.require(bdf);
    if (f.isBridge()) {
      return "a bridge on " + f.driver().label();
    }
    if (!f.driver().isVfio()) {
      return "bound to " + f.driver().label();
    }
    return "vfio device in dev_set " + devSetOf(bdf).map(d -> d.key().toString()).orElse("?");
  }

  /** Whether the group's DMA ownership is unclaimed: no member is on a DMA-API driver. */
  boolean viable(int group) {
    return pci.dmaClaimers(group).isEmpty();
  }
}
