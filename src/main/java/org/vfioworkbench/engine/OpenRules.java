package org.vfioworkbench.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.HeaderType;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.OtherFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * The kernel's rules for opening VFIO files, applied one file at a time to a running record of what
 * is open: {@code vfio_group_fops_open}, {@code vfio_group_ioctl_set_container}, {@code
 * vfio_group_ioctl_get_device_fd}, {@code vfio_device_fops_cdev_open} and {@code
 * vfio_df_ioctl_bind_iommufd}. Enforces the exclusivity rules E1–E4 of the reference.
 */
final class OpenRules {

  private final Topology topology;
  private final Profile profile;
  private final PciIndex pci;

  private final Map<Integer, String> groupOpenBy = new HashMap<>();
  private final Map<Integer, Optional<DmaContextRef>> groupAttachment = new HashMap<>();
  private final Map<Integer, Integer> cdevBoundInGroup = new HashMap<>();
  private final Map<Bdf, String> cdevBound = new HashMap<>();
  private final Map<String, Map<Integer, Bdf>> devidsInIctx = new HashMap<>();
  private final Map<Integer, String> groupIctx = new HashMap<>();
  private final Map<String, Set<String>> heldContainers = new HashMap<>();
  private final Map<String, Set<String>> heldIommufds = new HashMap<>();

  OpenRules(Topology topology, Profile profile) {
    this.topology = topology;
    this.profile = profile;
    this.pci = PciAnalysis.of(topology, profile).pci;
  }

  /**
   * Whether {@code holder} may open {@code file} on top of every file {@code topology}'s holders
   * have open: the answer a replay of all of them, in holder and file order, followed by this check
   * would give (files the replay refuses are not open), found by replaying only the files that can
   * decide it. Those are found through the file indexes of {@link VfioState#of} (derived from the
   * state of the topology this one was edited from): the files on the same device, group and
   * iommufd context, closed under what they touch in turn, and the holders' own container and
   * iommufd fds. What the open rules read of any other file cannot change the answer, so the work
   * grows with what the file touches, not with the host.
   */
  static Optional<Refusal> checkOpen(
      Topology topology, Profile profile, Holder holder, OpenFile file) {
    OpenRules rules = new OpenRules(topology, profile);
    Optional<List<Map.Entry<FdRef, OpenFile>>> deciding =
        topology.holderNamesUnique()
            ? VfioState.of(topology, profile)
                .filesDeciding(
                    file,
                    holder.name(),
                    f -> f instanceof ContainerFile || f instanceof IommufdFile)
            : Optional.empty();
    if (deciding.isPresent()) {
      for (Map.Entry<FdRef, OpenFile> e : deciding.get()) {
        rules.open(topology.holder(e.getKey().holder()).orElseThrow(), e.getValue());
      }
    } else {
      rules.replayAll();
    }
    return rules.open(holder, file);
  }

  /** Replays every holder's files, in holder and file order; returns this. */
  OpenRules replayAll() {
    for (Holder h : topology.holders()) {
      for (OpenFile f : h.files()) {
        open(h, f);
      }
    }
    return this;
  }

  /** Checks one file about to be opened by {@code holder}; records it when allowed. */
  Optional<Refusal> open(Holder holder, OpenFile file) {
    EngineCounters.count(EngineCounters.Event.OPEN_CHECKED);
    Optional<Refusal> r = check(holder, file);
    if (r.isEmpty()) {
      record(holder, file);
    }
    return r;
  }

  private Optional<Refusal> check(Holder holder, OpenFile file) {
    Supplier<String> who = () -> holder.name() + " fd " + file.fd();
    if (file instanceof ContainerFile) {
      return Optional.empty();
    }
    if (file instanceof IommufdFile) {
      if (!profile.hasDeviceCdev()) {
        return refuse(
            who,
            "open(/dev/iommu)",
            Errno.ENOENT,
            "this kernel (" + profile.id() + ") has no iommufd: /dev/iommu does not exist");
      }
      return Optional.empty();
    }
    if (file instanceof GroupFile g) {
      return checkGroup(holder, who, g);
    }
    if (file instanceof DeviceFile d) {
      return checkDeviceFd(holder, who, d);
    }
    if (file instanceof CdevFile c) {
      return checkCdev(holder, who, c);
    }
    if (file instanceof OtherFile) {
      return Optional.empty();
    }
    throw new IllegalStateException("unknown file kind " + file);
  }

  private Optional<Refusal> checkGroup(Holder holder, Supplier<String> who, GroupFile g) {
    IommuGroup group = topology.group(g.group()).orElse(null);
    Supplier<String> node = () -> group == null ? "/dev/vfio/" + g.group() : group.devicePath();
    Supplier<String> call = () -> "open(" + node.get() + ")";
    if (group == null || pci.groupMembers(g.group()).stream().noneMatch(pci::isVfioDevice)) {
      return refuse(
          who,
          call,
          Errno.ENOENT,
          node.get()
              + " does not exist: no function of IOMMU group "
              + g.group()
              + " is bound to a vfio driver");
    }
    if (group.kind() == GroupKind.NOIOMMU && !holder.capSysRawio()) {
      return refuse(
          who,
          call,
          Errno.EPERM,
          "vfio_group_fops_open: no-IOMMU group " + g.group() + " needs CAP_SYS_RAWIO");
    }
    if (cdevBoundInGroup.getOrDefault(g.group(), 0) > 0) {
      return refuse(
          who,
          call,
          Errno.EBUSY,
          "vfio_group_fops_open: a device of group "
              + g.group()
              + " is bound through its cdev "
              + "(cdev_device_open_cnt > 0)");
    }
    String openBy = groupOpenBy.get(g.group());
    if (openBy != null) {
      return refuse(
          who,
          call,
          Errno.EBUSY,
          "vfio_group_fops_open: group "
              + g.group()
              + " is already open (by "
              + openBy
              + "); one open file per group");
    }
    if (g.attachedTo().isEmpty()) {
      return Optional.empty();
    }
    return checkSetContainer(holder, who, g, group);
  }

  private Optional<Refusal> checkSetContainer(
      Holder holder, Supplier<String> who, GroupFile g, IommuGroup group) {
    DmaContextRef ctx = g.attachedTo().get();
    Supplier<String> call = () -> "VFIO_GROUP_SET_CONTAINER(group " + g.group() + ", " + ctx + ")";
    if (ctx.kind() == DmaContextRef.Kind.CONTAINER) {
      if (!heldContainers.getOrDefault(holder.name(), Set.of()).contains(ctx.id())) {
        return refuse(
            who, call, Errno.EBADF, holder.name() + " has no open fd on container " + ctx.id());
      }
      Container c = topology.container(ctx.id()).orElse(null);
      ContainerType type = c == null ? ContainerType.TYPE1 : c.type();
      boolean noiommu = group.kind() == GroupKind.NOIOMMU;
      if (noiommu != (type == ContainerType.NOIOMMU)) {
        return refuse(
            who,
            call,
            Errno.EINVAL,
            "vfio_container_attach_group: a "
                + (noiommu
                    ? "no-IOMMU group needs a no-IOMMU container"
                    : "group with an IOMMU cannot join a no-IOMMU container")
                + " (container "
                + ctx.id()
                + " is "
                + type
                + ")");
      }
      if (!pci.dmaClaimers(g.group()).isEmpty()) {
        return refuse(
            who,
            call,
            Errno.EPERM,
            "iommu_group_claim_dma_owner: group "
                + g.group()
                + " is not viable: "
                + dmaClaimer(g.group())
                + " is on a driver that uses the DMA API");
      }
      return Optional.empty();
    }
    if (!profile.hasDeviceCdev()) {
      return refuse(
          who,
          call,
          Errno.EBADFD,
          "this kernel ("
              + profile.id()
              + ") has no iommufd compat: "
              + "the fd is neither a container nor an iommufd");
    }
    if (!heldIommufds.getOrDefault(holder.name(), Set.of()).contains(ctx.id())) {
      return refuse(
          who, call, Errno.EBADF, holder.name() + " has no open fd on iommufd " + ctx.id());
    }
    return Optional.empty();
  }

  private Optional<Refusal> checkDeviceFd(Holder holder, Supplier<String> who, DeviceFile d) {
    Supplier<String> call = () -> "VFIO_GROUP_GET_DEVICE_FD(" + d.device() + ")";
    Optional<PciFunction> f = pci.function(d.device());
    if (f.isEmpty() || f.get().iommuGroup().isEmpty()) {
      return refuse(who, call, Errno.ENODEV, d.device() + " is not in any VFIO group");
    }
    int group = f.get().iommuGroup().getAsInt();
    if (!holder.name().equals(groupOpenBy.get(group))) {
      return refuse(
          who,
          call,
          Errno.EBADF,
          holder.name()
              + " has no open file for group "
              + group
              + ", through which the device fd is obtained");
    }
    if (!pci.isVfioDevice(d.device())) {
      return refuse(
          who,
          call,
          Errno.ENODEV,
          "vfio_group_ioctl_get_device_fd: "
              + d.device()
              + " is bound to "
              + f.get().driver().label()
              + ", not to a vfio driver");
    }
    Optional<Refusal> token = checkVfToken(who, call, f.get(), d.vfToken(), "vfio_pci_core_match");
    if (token.isPresent()) {
      return token;
    }
    Optional<DmaContextRef> ctx = groupAttachment.getOrDefault(group, Optional.empty());
    if (ctx.isEmpty()) {
      return refuse(
          who,
          call,
          Errno.EINVAL,
          "vfio_df_group_open: group " + group + " has no container or iommufd set");
    }
    if (ctx.get().kind() == DmaContextRef.Kind.IOMMUFD && !pci.dmaClaimers(group).isEmpty()) {
      return refuse(
          who,
          call,
          Errno.EPERM,
          "iommufd_device_bind: group "
              + group
              + " is not viable: "
              + dmaClaimer(group)
              + " is on a driver that uses the DMA API");
    }
    return Optional.empty();
  }

  private Optional<Refusal> checkCdev(Holder holder, Supplier<String> who, CdevFile c) {
    Supplier<String> node = () -> "/dev/vfio/devices/vfioX (" + c.device() + ")";
    if (!profile.hasDeviceCdev() || !topology.options().cdevSupported()) {
      return refuse(
          who,
          "open(" + node.get() + ")",
          Errno.ENOENT,
          "no device cdevs on this kernel ("
              + (profile.hasDeviceCdev() ? "CONFIG_VFIO_DEVICE_CDEV is off" : profile.id())
              + ")");
    }
    if (!pci.isVfioDevice(c.device())) {
      return refuse(
          who,
          "open(" + node.get() + ")",
          Errno.ENOENT,
          c.device() + " is not bound to a vfio driver, so it has no cdev");
    }
    Optional<Integer> group = pci.groupOf(c.device());
    if (group.isPresent() && pci.isNoIommu(group.get())) {
      return refuse(
          who,
          "open(" + node.get() + ")",
          Errno.ENOENT,
          "vfio_device_add: no-IOMMU devices get no cdev node; use the group interface");
    }
    if (c.boundTo().isEmpty()) {
      return Optional.empty();
    }
    String ictx = c.boundTo().get();
    Supplier<String> call =
        () -> "VFIO_DEVICE_BIND_IOMMUFD(" + c.device() + ", iommufd " + ictx + ")";
    if (c.vfToken().isPresent() && !profile.checksVfTokenOnBind()) {
      return refuse(
          who,
          call,
          Errno.EINVAL,
          "vfio_df_ioctl_bind_iommufd: bind.flags must be 0 on "
              + profile.id()
              + " (VFIO_DEVICE_BIND_FLAG_TOKEN arrived in v6.17)");
    }
    if (group.isPresent() && groupOpenBy.containsKey(group.get())) {
      return refuse(
          who,
          call,
          Errno.EBUSY,
          "vfio_device_block_group: group "
              + group.get()
              + " is open through the legacy interface by "
              + groupOpenBy.get(group.get()));
    }
    if (profile.checksVfTokenOnBind()) {
      Optional<Refusal> token =
          pci.function(c.device())
              .flatMap(f -> checkVfToken(who, call, f, c.vfToken(), "vfio_df_check_token"));
      if (token.isPresent()) {
        return token;
      }
    }
    if (!heldIommufds.getOrDefault(holder.name(), Set.of()).contains(ictx)) {
      return refuse(
          who,
          call,
          Errno.EBADF,
          "iommufd_ctx_from_fd: " + holder.name() + " has no open fd on iommufd " + ictx);
    }
    if (cdevBound.containsKey(c.device())) {
      return refuse(
          who,
          call,
          Errno.EINVAL,
          "vfio_df_open: " + c.device() + " is already open through another cdev fd");
    }
    if (c.devid().isPresent()) {
      Bdf owner = devidsInIctx.getOrDefault(ictx, Map.of()).get(c.devid().getAsInt());
      if (owner != null && !owner.equals(c.device())) {
        return refuse(
            who,
            call,
            Errno.EEXIST,
            "iommufd_device_bind: devid "
                + c.devid().getAsInt()
                + " of iommufd "
                + ictx
                + " is "
                + owner
                + "'s; xa_alloc hands out each id of a context once");
      }
    }
    if (group.isPresent() && !pci.dmaClaimers(group.get()).isEmpty()) {
      return refuse(
          who,
          call,
          Errno.EPERM,
          "iommufd_device_bind: group "
              + group.get()
              + " is not viable: "
              + dmaClaimer(group.get())
              + " is on a driver that uses the DMA API");
    }
    if (group.isPresent()
        && groupIctx.containsKey(group.get())
        && !groupIctx.get(group.get()).equals(ictx)) {
      return refuse(
          who,
          call,
          Errno.EPERM,
          "iommu_device_claim_dma_owner: group "
              + group.get()
              + " already has its DMA owned by iommufd "
              + groupIctx.get(group.get())
              + "; one owner per group");
    }
    return Optional.empty();
  }

  /**
   * The VF token rule of {@code vfio_pci_core_match_token_uuid} ({@code vfio_pci_validate_vf_token}
   * before v6.17), for the VF side: a VF whose PF is bound to vfio-pci needs the PF's token (all
   * zeroes until user space sets one); a token for a VF whose PF is not on vfio-pci, or for a
   * function that is neither PF nor VF, is -EINVAL. The PF side (a PF whose VFs are in use needs
   * the token too) is not modelled.
   */
  private Optional<Refusal> checkVfToken(
      Supplier<String> who, Supplier<String> call, PciFunction f, Optional<UUID> token, String fn) {
    if (f.isVirtfn()) {
      Bdf pfBdf = f.physfn().get();
      boolean pfOnVfio = pci.function(pfBdf).isPresent() && pci.isVfioDevice(pfBdf);
      if (!pfOnVfio) {
        return token.isEmpty()
            ? Optional.empty()
            : refuse(
                who,
                call,
                Errno.EINVAL,
                fn + ": VF token incorrectly provided, PF " + pfBdf + " not bound to vfio-pci");
      }
      if (token.isEmpty()) {
        return refuse(
            who,
            call,
            Errno.EACCES,
            fn + ": VF token required to access device (PF " + pfBdf + " is bound to vfio-pci)");
      }
      UUID expected = pci.function(pfBdf).get().vfToken().orElse(new UUID(0, 0));
      if (!expected.equals(token.get())) {
        return refuse(who, call, Errno.EACCES, fn + ": Incorrect VF token provided for device");
      }
      return Optional.empty();
    }
    boolean isPf = f.vfToken().isPresent() || topology.hasVirtfns(f.bdf());
    if (token.isPresent() && !isPf) {
      return refuse(
          who, call, Errno.EINVAL, fn + ": VF token incorrectly provided, not a PF or VF");
    }
    return Optional.empty();
  }

  private void record(Holder holder, OpenFile file) {
    if (file instanceof ContainerFile c) {
      heldContainers.computeIfAbsent(holder.name(), k -> new HashSet<>()).add(c.container());
    } else if (file instanceof IommufdFile i) {
      heldIommufds.computeIfAbsent(holder.name(), k -> new HashSet<>()).add(i.iommufd());
    } else if (file instanceof GroupFile g) {
      groupOpenBy.put(g.group(), holder.name());
      groupAttachment.put(g.group(), g.attachedTo());
      g.attachedTo()
          .filter(a -> a.kind() == DmaContextRef.Kind.IOMMUFD)
          .ifPresent(a -> groupIctx.put(g.group(), a.id()));
    } else if (file instanceof CdevFile c && c.boundTo().isPresent()) {
      cdevBound.put(c.device(), c.boundTo().get());
      c.devid()
          .ifPresent(
              id ->
                  devidsInIctx
                      .computeIfAbsent(c.boundTo().get(), k -> new HashMap<>())
                      .put(id, c.device()));
      pci.groupOf(c.device())
          .ifPresent(
              g -> {
                cdevBoundInGroup.merge(g, 1, Integer::sum);
                groupIctx.put(g, c.boundTo().get());
              });
    }
  }

  private String dmaClaimer(int group) {
    return pci.dmaClaimers(group).stream()
        .findFirst()
        .map(f -> f.bdf() + " (" + f.driver().label() + ")")
        .orElse("?");
  }

  private static Optional<Refusal> refuse(
      Supplier<String> who, Supplier<String> call, Errno errno, String reason) {
    return Optional.of(new Refusal(who.get(), call.get(), errno, reason));
  }

  private static Optional<Refusal> refuse(
      Supplier<String> who, String call, Errno errno, String reason) {
    return Optional.of(new Refusal(who.get(), call, errno, reason));
  }

  /** Structural driver checks that are not about files: what vfio-pci would refuse to bind. */
  List<Refusal> driverRefusals() {
    return driverRefusals(topology);
  }

  /** {@link #driverRefusals()} of {@code topology}, without building the rules' index. */
  static List<Refusal> driverRefusals(Topology topology) {
    List<Refusal> out = new java.util.ArrayList<>();
    for (PciFunction f : topology.functions()) {
      driverRefusal(f).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /** What vfio-pci would refuse about binding {@code f} to the driver it names, if anything. */
  static Optional<Refusal> driverRefusal(PciFunction f) {
    if (!f.driver().isVfio() || f.headerType() == HeaderType.NORMAL) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            f.bdf().toString(),
            "bind " + f.driver().name(),
            Errno.EINVAL,
            "vfio_pci_core_register_device: vfio-pci binds only normal (type 0) functions, "
                + f.bdf()
                + " is a "
                + f.headerType().name().toLowerCase(java.util.Locale.ROOT)));
  }
}
