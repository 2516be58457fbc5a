package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * VFIO's runtime state derived from a topology: registered vfio devices and their dev-sets, which
 * VFIO groups exist and who has them open, and each device's open state and iommufd binding.
 * Holders' files are replayed in order (holders in list order, files in list order), which is also
 * how devids are numbered within each iommufd context.
 */
final class VfioState {

  private final PciIndex pci;
  private final DevSets devSets;
  private final Map<Integer, GroupOpen> groupOpen = new HashMap<>();
  private final Map<Bdf, DeviceState> devices = new LinkedHashMap<>();
  private final Map<String, Set<Integer>> ictxGroups = new HashMap<>();

  VfioState(Topology topology, PciIndex pci, DevSets devSets) {
    this.pci = pci;
    this.devSets = devSets;
    replayFiles(topology);
  }

  /** The state of {@code topology} on its own, for edits that need no ioctl answers. */
  static VfioState of(Topology topology, Profile profile) {
    PciAnalysis pci = new PciAnalysis(topology, profile);
    return new VfioState(topology, pci.pci, pci.devSets);
  }

  private void replayFiles(Topology topology) {
    for (Bdf bdf : devSets.registered()) {
      devices.put(
          bdf,
          new DeviceState(
              bdf, List.of(), Optional.empty(), false, Optional.empty(), OptionalLong.empty()));
    }
    DevidAllocator lastDevid = new DevidAllocator(topology);
    for (Holder h : topology.holders()) {
      for (OpenFile file : h.files()) {
        FdRef ref = new FdRef(h.name(), file.fd());
        if (file instanceof GroupFile g) {
          groupOpen.putIfAbsent(g.group(), new GroupOpen(ref, g));
        } else if (file instanceof DeviceFile d) {
          openThroughGroup(d, ref, lastDevid);
        } else if (file instanceof CdevFile c) {
          openThroughCdev(c, ref, lastDevid);
        }
      }
    }
  }

  private void openThroughGroup(DeviceFile d, FdRef ref, DevidAllocator lastDevid) {
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
      devid = OptionalLong.of(nextDevid(compat.get(), lastDevid));
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

  private void openThroughCdev(CdevFile c, FdRef ref, DevidAllocator lastDevid) {
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
      devid = nextDevid(ictx, lastDevid);
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

  private long nextDevid(String ictx, DevidAllocator allocator) {
    return allocator.next(ictx);
  }

  private void bindIntoIctx(Bdf bdf, String ictx) {
    groupOf(bdf).ifPresent(g -> ictxGroups.computeIfAbsent(ictx, k -> new HashSet<>()).add(g));
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

  Map<Bdf, DeviceState> devices() {
    return Collections.unmodifiableMap(devices);
  }

  Optional<GroupOpen> groupOpen(int group) {
    return Optional.ofNullable(groupOpen.get(group));
  }

  /** {@code iommufd_ctx_has_group}: some device of {@code group} is bound into {@code ictx}. */
  boolean ictxHasGroup(String ictx, int group) {
    return ictxGroups.getOrDefault(ictx, Set.of()).contains(group);
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
