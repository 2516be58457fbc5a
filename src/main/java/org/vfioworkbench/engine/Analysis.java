package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * Everything the engine derives from one topology under one profile: reset scopes, dev-sets, VFIO
 * groups and ownership, and the two ioctls on any fd. Immutable once built; build a new one after
 * every edit (building is cheap and lazy per device).
 */
public final class Analysis implements HotResetSimulator {

  /** An argsz large enough for any scope: the u32 maximum. */
  public static final long LARGE_ARGSZ = 0xFFFF_FFFFL;

  private final Topology topology;
  private final Profile profile;
  private final PciIndex pci;
  private final ResetScopes scopes;
  private final VfioState state;
  private final InfoIoctl info;
  private final HotResetIoctl hotReset;

  private final PciAnalysis pciAnalysis;
  private final FileTable files;
  private final java.util.Map<FdRef, InfoResult> fullInfo = new java.util.concurrent.ConcurrentHashMap<>();

  private Analysis(Topology topology, Profile profile, PciAnalysis pciAnalysis) {
    this.topology = Objects.requireNonNull(topology, "topology");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.pciAnalysis = pciAnalysis;
    this.pci = pciAnalysis.pci;
    this.scopes = pciAnalysis.scopes;
    this.state = new VfioState(topology, pci, pciAnalysis.devSets);
    this.files = new FileTable(topology);
    IoctlContext context = new IoctlContext(files, pci, scopes, state,
        new CallerGate(files, state, profile), new DevIdResolver(state), profile);
    this.info = new InfoIoctl(context);
    this.hotReset = new HotResetIoctl(context);
  }

  public static Analysis of(Topology topology, Profile profile) {
    return new Analysis(topology, profile, new PciAnalysis(topology, profile));
  }

  public static Analysis of(Topology topology) {
    return of(topology, Profile.DEFAULT);
  }

  /**
   * Analyses {@code topology}, reusing what {@code previous} derived from the PCI part when the
   * edit left it untouched (same function, bus, slot, group and bind-order lists), as holder edits
   * such as drags do. Otherwise the same as {@link #of(Topology, Profile)}.
   */
  public static Analysis after(Analysis previous, Topology topology, Profile profile) {
    PciAnalysis shared = previous.pciAnalysis.sharesPciWith(topology, profile)
        ? previous.pciAnalysis : new PciAnalysis(topology, profile);
    return new Analysis(topology, profile, shared);
  }

  public Topology topology() {
    return topology;
  }

  public Profile profile() {
    return profile;
  }

  public PciIndex pci() {
    return pci;
  }

  @Override
  public InfoResult info(FdRef caller, long argsz) {
    return info.call(caller, argsz);
  }

  /** INFO with a buffer large enough for every entry. */
  public InfoResult info(FdRef caller) {
    return fullInfo.computeIfAbsent(caller, c -> info.call(c, LARGE_ARGSZ));
  }

  @Override
  public ResetResult hotReset(FdRef caller, ResetRequest request) {
    return hotReset.call(caller, request);
  }

  /** The reset scope of a function, or the probe steps that found none. */
  public ScopeDecision scope(Bdf bdf) {
    return scopes.decide(bdf);
  }

  public Optional<DevSet> devSet(Bdf bdf) {
    return state.devSetOf(bdf);
  }

  public List<DevSet> devSets() {
    return state.devSets();
  }

  /** State of a registered vfio device; empty for functions not bound to a vfio driver. */
  public Optional<DeviceState> device(Bdf bdf) {
    return state.device(bdf);
  }

  /** Every registered vfio device, in bind order. */
  public Map<Bdf, DeviceState> devices() {
    return state.devices();
  }

  /** Who holds the group's one open file, if anyone. */
  public Optional<GroupOpen> groupOpen(int group) {
    return state.groupOpen(group);
  }

  /** Whether {@code /dev/vfio/N} exists: some function of the group is vfio-bound. */
  public boolean vfioGroupExists(int group) {
    return state.vfioGroupExists(group);
  }

  /** Whether the group is viable: no member is on a driver that claims DMA ownership. */
  public boolean viable(int group) {
    return state.viable(group);
  }

  /** Whether some device of {@code group} is bound into iommufd {@code ictx}. */
  public boolean iommufdHasGroup(String ictx, int group) {
    return state.ictxHasGroup(ictx, group);
  }

  /** Every device fd (group-derived or cdev) of every holder, in holder and file order. */
  public List<FdRef> deviceFds() {
    List<FdRef> out = new ArrayList<>();
    for (Holder h : topology.holders()) {
      for (OpenFile f : h.files()) {
        if (f.openedDevice().isPresent()) {
          out.add(new FdRef(h.name(), f.fd()));
        }
      }
    }
    return out;
  }

  /**
   * The device fds whose INFO or reset results can change when {@code bdf} changes owner: those
   * whose reset scope holds {@code bdf} or a member of its IOMMU group (whose implicit ownership
   * depends on it), and {@code bdf}'s own fds.
   */
  public List<FdRef> affectedBy(Bdf bdf) {
    Set<Bdf> touched = new java.util.HashSet<>();
    touched.add(bdf);
    pci.function(bdf).ifPresent(f -> f.iommuGroup().ifPresent(g -> touched.addAll(pci.groupMembers(g))));
    List<FdRef> out = new ArrayList<>();
    for (FdRef fd : deviceFds()) {
      Optional<Bdf> caller = files.file(fd).flatMap(OpenFile::openedDevice);
      if (caller.isEmpty()) {
        continue;
      }
      boolean hit = caller.get().equals(bdf) || scopes.decide(caller.get()).scope()
          .map(s -> s.functions().stream().anyMatch(touched::contains)).orElse(false);
      if (hit) {
        out.add(fd);
      }
    }
    return out;
  }

  /**
   * The reset the holder of {@code caller} would naturally attempt, the way QEMU does: the empty
   * array from a cdev-opened device, else its group fds whose ids INFO listed.
   */
  public ResetVariant naturalReset(FdRef caller) {
    boolean cdev = files.file(caller).orElse(null) instanceof CdevFile;
    if (cdev) {
      return new ResetVariant(ResetVariant.Kind.EMPTY_ARRAY, ResetRequest.empty(), "zero-length array");
    }
    return infoGroupsVariant(caller);
  }

  /** Every construction worth trying on {@code caller}, natural one first. */
  public List<ResetVariant> variants(FdRef caller) {
    ResetVariant natural = naturalReset(caller);
    List<ResetVariant> out = new ArrayList<>();
    out.add(natural);
    for (ResetVariant v : List.of(
        new ResetVariant(ResetVariant.Kind.EMPTY_ARRAY, ResetRequest.empty(), "zero-length array"),
        infoGroupsVariant(caller), allHeldGroupsVariant(caller), everyAffectedGroupVariant(caller),
        deviceFdsVariant(caller))) {
      if (v.kind() != natural.kind()) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The holder's group fds for the groups of the affected functions, each once: what QEMU's legacy
   * backend sends (it matches INFO's group ids against the groups it holds). For a cdev caller,
   * whose INFO carries devids, the groups come from the reset scope itself.
   */
  private ResetVariant infoGroupsVariant(FdRef caller) {
    Set<Integer> listed = new LinkedHashSet<>();
    InfoResult r = info(caller);
    if (r.succeeded() && r.entries().stream().noneMatch(InfoEntry::devIdMode)) {
      r.entries().forEach(e -> listed.add((int) e.id()));
    } else {
      files.file(caller).flatMap(OpenFile::openedDevice).flatMap(b -> scopes.decide(b).scope())
          .ifPresent(s -> s.functions().forEach(f -> pci.require(f).iommuGroup().ifPresent(listed::add)));
    }
    files.file(caller).flatMap(OpenFile::openedDevice)
        .flatMap(b -> pci.function(b)).ifPresent(f -> f.iommuGroup().ifPresent(listed::add));
    List<Integer> fds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (OpenFile f : holderFiles(caller)) {
      if (f instanceof GroupFile g && listed.contains(g.group())) {
        fds.add(f.fd());
        names.add("group " + g.group());
      }
    }
    return new ResetVariant(ResetVariant.Kind.INFO_GROUPS, ResetRequest.of(fds),
        fds.isEmpty() ? "holds no group of the affected functions" : "held groups of the affected functions: " + String.join(", ", names));
  }

  private ResetVariant everyAffectedGroupVariant(FdRef caller) {
    Set<Integer> affected = new LinkedHashSet<>();
    files.file(caller).flatMap(OpenFile::openedDevice).flatMap(b -> scopes.decide(b).scope())
        .ifPresent(s -> s.functions().forEach(f -> pci.require(f).iommuGroup().ifPresent(affected::add)));
    List<Integer> fds = new ArrayList<>();
    Set<Integer> held = new java.util.HashSet<>();
    for (OpenFile f : holderFiles(caller)) {
      if (f instanceof GroupFile g && affected.contains(g.group()) && held.add(g.group())) {
        fds.add(f.fd());
      }
    }
    List<Integer> toOpen = new ArrayList<>();
    List<Integer> noNode = new ArrayList<>();
    for (int g : affected) {
      if (!held.contains(g)) {
        (state.vfioGroupExists(g) ? toOpen : noNode).add(g);
      }
    }
    String description = "held groups " + held + (toOpen.isEmpty() ? "" : " plus groups " + toOpen + " opened first")
        + (noNode.isEmpty() ? "" : "; groups " + noNode + " have no /dev/vfio node (no vfio function)");
    return new ResetVariant(ResetVariant.Kind.EVERY_AFFECTED_GROUP, ResetRequest.of(fds), description, toOpen);
  }

  /**
   * Evaluates a variant. A hypothetical one first opens its groups in the caller's holder through
   * the kernel's open rules (a refused open decides the result, with the open's errno), then calls
   * HOT_RESET on the state those opens reach.
   */
  public ResetResult evaluate(FdRef caller, ResetVariant variant) {
    if (!variant.isHypothetical()) {
      return hotReset(caller, variant.request());
    }
    TraceBuilder pre = new TraceBuilder();
    Topology t = topology;
    List<Integer> fds = new ArrayList<>(variant.request().fds());
    for (int group : variant.groupsToOpen()) {
      Optional<Holder> holder = t.holder(caller.holder());
      if (holder.isEmpty()) {
        return hotReset(caller, variant.request());
      }
      int fd = holder.get().nextFreeFd();
      Attempt open = KernelCalls.open(t, profile, caller.holder(), GroupFile.detached(fd, group));
      if (open.refusal().isPresent()) {
        Refusal r = open.refusal().get();
        pre.fail(r.call(), "first " + caller.holder() + " must open group " + group + ": " + r.reason(), r.errno());
        return ResetResult.failure(r.errno(), pre.build());
      }
      pre.note(open.steps().isEmpty() ? "open" : "open(/dev/vfio/" + group + ")",
          "what if: " + caller.holder() + " opens group " + group + " as fd " + fd);
      t = open.orElseThrow();
      fds.add(fd);
    }
    ResetResult r = Analysis.after(this, t, profile).hotReset(caller, ResetRequest.of(fds));
    return new ResetResult(r.ret(), r.errno(), r.reset(), pre.addAll(r.trace()).build());
  }

  private ResetVariant allHeldGroupsVariant(FdRef caller) {
    List<Integer> fds = new ArrayList<>();
    for (OpenFile f : holderFiles(caller)) {
      if (f instanceof GroupFile) {
        fds.add(f.fd());
      }
    }
    return new ResetVariant(ResetVariant.Kind.ALL_HOLDER_GROUPS, ResetRequest.of(fds), "every group fd " + caller.holder() + " holds");
  }

  private ResetVariant deviceFdsVariant(FdRef caller) {
    Optional<ResetScope> scope = files.file(caller).flatMap(OpenFile::openedDevice).flatMap(b -> scopes.decide(b).scope());
    List<Integer> fds = new ArrayList<>();
    for (OpenFile f : holderFiles(caller)) {
      Optional<Bdf> d = f.openedDevice();
      if (d.isPresent() && scope.map(s -> s.contains(d.get())).orElse(false)) {
        fds.add(f.fd());
      }
    }
    return new ResetVariant(ResetVariant.Kind.DEVICE_FDS, ResetRequest.of(fds), "device fds " + caller.holder() + " holds for affected devices");
  }

  private List<OpenFile> holderFiles(FdRef ref) {
    return files.filesOf(ref.holder());
  }
}
