package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * The engine's {@link HotResetSimulator}: derives reset scopes, dev-sets, VFIO groups and ownership
 * from one topology under one profile, answers the two ioctls on any fd (caching INFO with a full
 * buffer) and hands reset variants to {@link ResetVariants} and their evaluation to {@link
 * WhatIfEvaluator}. Immutable once built; build a new one after every edit (building is cheap and
 * lazy per device).
 */
public final class Analysis implements HotResetSimulator {

  private final Topology topology;
  private final Profile profile;
  private final PciIndex pci;
  private final ResetScopes scopes;
  private final VfioState state;
  private final InfoIoctl info;
  private final HotResetIoctl hotReset;

  private final PciAnalysis pciAnalysis;
  private final FileTable files;
  private final ResetVariants variants;
  private final WhatIfEvaluator whatIf;
  private final Map<FdRef, InfoResult> fullInfo = new ConcurrentHashMap<>();
  private final Map<FdRef, DeviceVerdict> verdicts = new ConcurrentHashMap<>();

  /**
   * The analysis this one was derived from by {@link #after(Analysis, Topology, Profile)} while its
   * answers have not been carried over yet ({@link #carryOver}); null once they have, or when it
   * had none. Held one step only: carrying over drops it.
   */
  private volatile Analysis answersFrom;

  private volatile List<FdRef> deviceFds;

  private Analysis(Topology topology, Profile profile, PciAnalysis pciAnalysis, VfioState state) {
    this.topology = Objects.requireNonNull(topology, "topology");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.pciAnalysis = pciAnalysis;
    this.pci = pciAnalysis.pci;
    this.scopes = pciAnalysis.scopes;
    this.state = state;
    this.files = new FileTable(topology);
    IoctlContext context =
        new IoctlContext(
            files,
            pci,
            scopes,
            state,
            new CallerGate(files, state, profile),
            new DevIdResolver(state),
            profile);
    this.info = new InfoIoctl(context);
    this.hotReset = new HotResetIoctl(context);
    this.variants = new ResetVariants(this, files);
    this.whatIf = new WhatIfEvaluator(this);
  }

  public static Analysis of(Topology topology, Profile profile) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(profile, "profile");
    PciAnalysis pci = PciAnalysis.of(topology, profile);
    return new Analysis(
        topology, profile, pci, VfioState.remember(new VfioState(topology, pci.pci, pci.devSets)));
  }

  public static Analysis of(Topology topology) {
    return of(topology, Profile.DEFAULT);
  }

  /**
   * Analyses {@code topology}, reusing what {@code previous} derived from the PCI part when the
   * edit left it untouched (same function, bus, slot, group and bind-order lists), as holder edits
   * such as drags do, and then VFIO's state too: only the files the edit changed, and what they
   * reach, are replayed (see {@link VfioState#after}). Otherwise the same as {@link #of(Topology,
   * Profile)}.
   */
  public static Analysis after(Analysis previous, Topology topology, Profile profile) {
    if (!previous.pciAnalysis.sharesPciWith(topology, profile)) {
      return of(topology, profile);
    }
    Analysis next =
        new Analysis(topology, profile, previous.pciAnalysis, previous.state.after(topology));
    if (!previous.verdicts.isEmpty() || !previous.fullInfo.isEmpty()) {
      next.answersFrom = previous;
    }
    return next;
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public PciIndex pci() {
    return pci;
  }

  @Override
  public InfoResult info(FdRef caller, long argsz) {
    return info.call(caller, argsz);
  }

  @Override
  /** INFO with a buffer large enough for every entry. */
  public InfoResult info(FdRef caller) {
    carryOver();
    return fullInfo.computeIfAbsent(caller, c -> info.call(c, LARGE_ARGSZ));
  }

  /**
   * The verdict on device fd {@code caller} (INFO, the natural reset and its outcome), worked out
   * once per analysis. An analysis derived by {@link #after(Analysis, Topology, Profile)} starts
   * with the verdicts and INFO answers of the one it came from for every fd the edit cannot have
   * changed ({@link #fdsChangedSince}), so after one edit only the fds it reached are worked out.
   */
  public DeviceVerdict verdict(FdRef caller) {
    carryOver();
    DeviceVerdict known = verdicts.get(caller);
    if (known != null) {
      return known;
    }
    DeviceVerdict v = DeviceVerdict.of(this, caller);
    EngineCounters.count(EngineCounters.Event.VERDICT_WORKED_OUT);
    DeviceVerdict raced = verdicts.putIfAbsent(caller, v);
    return raced != null ? raced : v;
  }

  /**
   * A value that depends on the PCI part alone (functions, buses, groups, drivers, and so reset
   * scopes, dev-sets and which devices VFIO has registered), worked out once and shared by every
   * analysis of that part: holder edits keep it, so a rule about the hardware is not evaluated
   * again after each ownership change. {@code compute} must read nothing else of the analysis it is
   * given.
   */
  @SuppressWarnings("unchecked")
  public <T> T onPciPart(String key, java.util.function.Function<Analysis, T> compute) {
    Object known = pciAnalysis.derived.get(key);
    if (known == null) {
      known = compute.apply(this);
      Object raced = pciAnalysis.derived.putIfAbsent(key, known);
      if (raced != null) {
        known = raced;
      }
    }
    return (T) known;
  }

  /**
   * The verdict on the fd a device is reached through (its cdev, else the first device fd opened
   * through its group), or empty when no holder has it open.
   */
  public Optional<DeviceVerdict> verdictOn(Bdf device) {
    return state.device(device).flatMap(DeviceState::callerFd).map(this::verdict);
  }

  /**
   * Takes over, once, the answers of the analysis this one was derived from for the device fds the
   * edit cannot have changed.
   */
  private void carryOver() {
    if (answersFrom == null) {
      return;
    }
    synchronized (this) {
      Analysis from = answersFrom;
      if (from == null) {
        return;
      }
      fdsChangedSince(from)
          .ifPresent(
              changed -> {
                from.verdicts.forEach(
                    (fd, v) -> {
                      if (!changed.contains(fd) && isDeviceFd(fd)) {
                        verdicts.putIfAbsent(fd, v);
                      }
                    });
                from.fullInfo.forEach(
                    (fd, i) -> {
                      if (!changed.contains(fd) && isDeviceFd(fd)) {
                        fullInfo.putIfAbsent(fd, i);
                      }
                    });
              });
      answersFrom = null;
    }
  }

  private boolean isDeviceFd(FdRef fd) {
    return topology.file(fd).flatMap(OpenFile::openedDevice).isPresent();
  }

  @Override
  public ResetResult hotReset(FdRef caller, ResetRequest request) {
    return hotReset.call(caller, request);
  }

  @Override
  /** The reset scope of a function, or the probe steps that found none. */
  public ScopeDecision scope(Bdf bdf) {
    return scopes.decide(bdf);
  }

  @Override
  public Optional<DevSet> devSet(Bdf bdf) {
    return state.devSetOf(bdf);
  }

  @Override
  public List<DevSet> devSets() {
    return state.devSets();
  }

  @Override
  /** State of a registered vfio device; empty for functions not bound to a vfio driver. */
  public Optional<DeviceState> device(Bdf bdf) {
    return state.device(bdf);
  }

  @Override
  /** Every registered vfio device, in bind order. */
  public Map<Bdf, DeviceState> devices() {
    return state.devices();
  }

  @Override
  /** Who holds the group's one open file, if anyone. */
  public Optional<GroupOpen> groupOpen(int group) {
    return state.groupOpen(group);
  }

  @Override
  /** Whether {@code /dev/vfio/N} exists: some function of the group is vfio-bound. */
  public boolean vfioGroupExists(int group) {
    return state.vfioGroupExists(group);
  }

  @Override
  /** Whether the group is viable: no member is on a driver that claims DMA ownership. */
  public boolean viable(int group) {
    return state.viable(group);
  }

  @Override
  /** Whether some device of {@code group} is bound into iommufd {@code ictx}. */
  public boolean iommufdHasGroup(String ictx, int group) {
    return state.ictxHasGroup(ictx, group);
  }

  @Override
  /** Every device fd (group-derived or cdev) of every holder, in holder and file order. */
  public List<FdRef> deviceFds() {
    List<FdRef> known = deviceFds;
    if (known == null) {
      List<FdRef> out = new ArrayList<>();
      for (Holder h : topology.holders()) {
        for (OpenFile f : h.files()) {
          if (f.openedDevice().isPresent()) {
            out.add(new FdRef(h.name(), f.fd()));
          }
        }
      }
      known = List.copyOf(out);
      deviceFds = known;
    }
    return known;
  }

  /**
   * The device fds of this analysis whose answers (INFO, every reset variant with its what-if opens
   * and traces) can differ from {@code previous}'s, when this analysis was derived from {@code
   * previous} directly by {@link #after(Analysis, Topology, Profile)}: every device fd of the
   * holders whose files changed, and the fds {@link AffectedFds} names for each device, group
   * member and iommufd the edit's replay reached. Every other fd answers exactly as in {@code
   * previous}. Empty when that cannot be told (another PCI part or profile, reordered holders, an
   * analysis made from scratch or from another one): then any fd may differ.
   */
  public Optional<Set<FdRef>> fdsChangedSince(Analysis previous) {
    Objects.requireNonNull(previous, "previous");
    if (previous.pciAnalysis != pciAnalysis || previous.profile != profile) {
      return Optional.empty();
    }
    Optional<VfioState.Touched> touched = state.touchedSince(previous.state);
    if (touched.isEmpty()) {
      return Optional.empty();
    }
    Set<FdRef> out = new HashSet<>();
    for (String name : touched.get().holders()) {
      topology
          .holder(name)
          .ifPresent(
              h ->
                  h.files().stream()
                      .filter(f -> f.openedDevice().isPresent())
                      .forEach(f -> out.add(new FdRef(name, f.fd()))));
    }
    Set<Bdf> devices = new HashSet<>(touched.get().devices());
    for (int g : touched.get().groups()) {
      devices.addAll(pci.groupMembers(g));
    }
    for (String ictx : touched.get().ictxs()) {
      for (Analysis x : List.of(this, previous)) {
        for (FdRef fd : x.state.fdsOnIctx(ictx)) {
          x.topology.file(fd).flatMap(OpenFile::openedDevice).ifPresent(devices::add);
        }
      }
    }
    for (Bdf d : devices) {
      out.addAll(affectedBy(d));
    }
    return Optional.of(out);
  }

  /**
   * The device fds whose answers an ownership change of {@code bdf} can change (see {@link
   * AffectedFds#of}), found from the functions whose reset scope can hold {@code bdf} or a member
   * of its IOMMU group (those on its bus and the buses above it) and the fds open on them, without
   * looking at any other fd.
   */
  List<FdRef> affectedBy(Bdf bdf) {
    Set<Bdf> touched = new HashSet<>();
    touched.add(bdf);
    pci.groupOf(bdf).ifPresent(g -> touched.addAll(pci.groupMembers(g)));
    Set<Bdf> callers = new LinkedHashSet<>();
    callers.add(bdf);
    for (Bdf t : touched) {
      Set<BusAddress> seen = new HashSet<>();
      BusAddress bus = t.busAddress();
      while (seen.add(bus)) {
        for (PciFunction c : pci.functionsOn(bus)) {
          EngineCounters.count(EngineCounters.Event.CALLER_CANDIDATE);
          if (state.fdsOn(c.bdf()).isEmpty() || callers.contains(c.bdf())) {
            continue;
          }
          if (scopes.decide(c.bdf()).scope().map(s -> s.contains(t)).orElse(false)) {
            callers.add(c.bdf());
          }
        }
        Optional<Bdf> bridge = pci.bus(bus).bridge();
        if (bridge.isEmpty()) {
          break;
        }
        bus = bridge.get().busAddress();
      }
    }
    List<FdRef> out = new ArrayList<>();
    for (Bdf c : callers) {
      for (FdRef fd : state.fdsOn(c)) {
        EngineCounters.count(EngineCounters.Event.FD_CONSIDERED);
        out.add(fd);
      }
    }
    out.sort(
        Comparator.comparingInt((FdRef r) -> topology.holderIndex(r.holder()).orElseThrow())
            .thenComparingInt(r -> position(r)));
    return out;
  }

  private int position(FdRef ref) {
    List<OpenFile> files = topology.holder(ref.holder()).orElseThrow().files();
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).fd() == ref.fd()) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public ResetVariant naturalReset(FdRef caller) {
    return variants.natural(caller);
  }

  @Override
  public List<ResetVariant> variants(FdRef caller) {
    return variants.all(caller);
  }

  @Override
  public ResetResult evaluate(FdRef caller, ResetVariant variant) {
    return whatIf.evaluate(caller, variant);
  }

  @Override
  public Analysis after(Topology edited) {
    return after(this, edited, profile);
  }
}
