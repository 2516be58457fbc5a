package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
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

  private Analysis(Topology topology, Profile profile, PciAnalysis pciAnalysis) {
    this.topology = Objects.requireNonNull(topology, "topology");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.pciAnalysis = pciAnalysis;
    this.pci = pciAnalysis.pci;
    this.scopes = pciAnalysis.scopes;
    this.state = new VfioState(topology, pci, pciAnalysis.devSets);
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
    PciAnalysis shared =
        previous.pciAnalysis.sharesPciWith(topology, profile)
            ? previous.pciAnalysis
            : new PciAnalysis(topology, profile);
    return new Analysis(topology, profile, shared);
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
    return fullInfo.computeIfAbsent(caller, c -> info.call(c, LARGE_ARGSZ));
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
