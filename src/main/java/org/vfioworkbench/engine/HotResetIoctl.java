package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.TransientCondition;

/**
 * {@code VFIO_DEVICE_PCI_HOT_RESET}, as {@code vfio_pci_ioctl_pci_hot_reset}, {@code
 * vfio_pci_ioctl_pci_hot_reset_groups} and {@code vfio_pci_dev_set_hot_reset} evaluate it.
 */
final class HotResetIoctl {

  static final String FN = "vfio_pci_ioctl_pci_hot_reset";
  static final String GROUPS = "vfio_pci_ioctl_pci_hot_reset_groups";
  static final String DEV_SET = "vfio_pci_dev_set_hot_reset";
  static final String RESETTABLE = "vfio_pci_dev_set_resettable";

  private final FileTable files;
  private final PciIndex pci;
  private final ResetScopes scopes;
  private final VfioState state;
  private final CallerGate gate;
  private final DevIdResolver devids;
  private final Profile profile;

  HotResetIoctl(IoctlContext context) {
    this.files = context.files();
    this.pci = context.pci();
    this.scopes = context.scopes();
    this.state = context.state();
    this.gate = context.gate();
    this.devids = context.devids();
    this.profile = context.profile();
  }

  ResetResult call(FdRef ref, ResetRequest req) {
    TraceBuilder t = new TraceBuilder();
    CallerGate.Result admitted = gate.admit(ref, t);
    if (admitted.caller().isEmpty()) {
      return ResetResult.failure(admitted.errno().orElseThrow(), t.build());
    }
    Caller caller = admitted.caller().get();
    if (req.argsz() < ResetRequest.HEADER_SIZE || req.flags() != 0) {
      t.fail(
          FN,
          () ->
              req.flags() != 0
                  ? "flags 0x" + Integer.toHexString(req.flags()) + " must be 0"
                  : "argsz " + req.argsz() + " is smaller than the 12-byte header",
          Errno.EINVAL);
      return ResetResult.failure(Errno.EINVAL, t.build());
    }
    t.pass(FN, () -> "header: argsz " + req.argsz() + ", flags 0, count " + req.headerCount());
    if (!callingConventionHolds(caller, req, t)) {
      return ResetResult.failure(Errno.EINVAL, t.build());
    }
    ScopeDecision decision = scopes.decide(caller.bdf());
    t.addAll(decision.steps());
    if (decision.scope().isEmpty()) {
      return ResetResult.failure(Errno.ENODEV, t.build());
    }
    ResetScope scope = decision.scope().get();
    Proof proof = null;
    if (req.headerCount() > 0) {
      proof = collectProof(caller, req, scope, t);
      if (proof.errno().isPresent()) {
        return ResetResult.failure(proof.errno().get(), t.build());
      }
    }
    return devSetHotReset(caller, scope, proof, t);
  }

  private boolean callingConventionHolds(Caller caller, ResetRequest req, TraceBuilder t) {
    boolean hasArray = req.headerCount() > 0;
    if (!profile.hasDeviceCdev()) {
      if (!hasArray) {
        t.fail(
            FN,
            () -> "count 0: this kernel (" + profile.id() + ") needs between 1 and N group fds",
            Errno.EINVAL);
        return false;
      }
      return true;
    }
    if (caller.cdevOpened() && hasArray && !profile.acceptsDeviceFdProof()) {
      t.fail(
          FN,
          () ->
              "the caller is cdev-opened, so the fd array must be empty (count "
                  + req.headerCount()
                  + ")",
          Errno.EINVAL);
      return false;
    }
    if (!caller.cdevOpened() && !hasArray) {
      t.fail(
          FN,
          "the caller is opened through its group, so it must pass group fds (count 0)",
          Errno.EINVAL);
      return false;
    }
    t.pass(
        FN,
        () ->
            caller.cdevOpened()
                ? (hasArray
                    ? "cdev caller with an fd array (design review: device fds as proof)"
                    : "cdev caller, zero-length array: ownership inferred from iommufd "
                        + caller.ictx().orElse("?"))
                : "group caller with " + req.count() + " fd(s)");
    return true;
  }

  /**
   * What the fd array proves: the groups of its group files and (review profile) devices, or the
   * errno of the first bad fd.
   */
  record Proof(
      Set<Integer> groups, Set<Bdf> devices, List<String> described, Optional<Errno> errno) {
    static Proof refused(Errno e) {
      return new Proof(Set.of(), Set.of(), List.of(), Optional.of(e));
    }
  }

  private Proof collectProof(Caller caller, ResetRequest req, ResetScope scope, TraceBuilder t) {
    int n = scope.size();
    long claimed = req.headerCount();
    if (claimed > Integer.MAX_VALUE && !profile.comparesGroupCountUnsigned()) {
      int asInt = (int) claimed;
      t.pass(
          GROUPS,
          () ->
              "array_count is an int on "
                  + profile.id()
                  + ": count "
                  + claimed
                  + " arrives as "
                  + asInt
                  + ", which does not exceed the "
                  + n
                  + " affected function(s)");
      t.fail(
          GROUPS,
          () ->
              "kcalloc("
                  + asInt
                  + ", sizeof(*group_fds)) is asked for a negative (huge)"
                  + " size and fails",
          Errno.ENOMEM);
      return Proof.refused(Errno.ENOMEM);
    }
    if (claimed > n) {
      t.fail(
          GROUPS,
          () ->
              "count "
                  + claimed
                  + " exceeds the "
                  + n
                  + " affected function(s) (one group per device at most"
                  + (claimed > Integer.MAX_VALUE
                      ? "; compared unsigned, as a u32, on " + profile.id()
                      : "")
                  + ")",
          Errno.EINVAL);
      return Proof.refused(Errno.EINVAL);
    }
    if (claimed > req.count()) {
      t.fail(
          GROUPS,
          () ->
              "copy_from_user of "
                  + claimed
                  + " fds reads past the "
                  + req.count()
                  + " the caller passed (the model takes that memory as unmapped)",
          Errno.EFAULT);
      return Proof.refused(Errno.EFAULT);
    }
    Set<Integer> groups = new HashSet<>();
    Set<Bdf> devices = new HashSet<>();
    List<String> described = new ArrayList<>();
    for (int fd : req.fds()) {
      Optional<OpenFile> file =
          fd < 0 ? Optional.empty() : files.file(new FdRef(caller.ref().holder(), fd));
      if (file.isEmpty()) {
        t.fail(GROUPS, () -> "fd " + fd + " is not open in " + caller.ref().holder(), Errno.EBADF);
        return Proof.refused(Errno.EBADF);
      }
      OpenFile f = file.get();
      if (f instanceof GroupFile g) {
        groups.add(g.group());
        described.add("group " + g.group() + " (fd " + fd + ")");
        t.pass(GROUPS, () -> "fd " + fd + " is the group file of group " + g.group());
        continue;
      }
      Optional<Bdf> device = deviceBehind(f);
      if (profile.acceptsDeviceFdProof() && device.isPresent()) {
        devices.add(device.get());
        described.add("device " + device.get() + " (fd " + fd + ")");
        t.pass(
            GROUPS,
            () ->
                "design review: fd "
                    + fd
                    + " is a device fd of "
                    + device.get()
                    + ", accepted as proof");
        continue;
      }
      t.fail(
          GROUPS,
          () -> "fd " + fd + " is " + f.describe() + ", not a VFIO group file (vfio_file_is_group)",
          Errno.EINVAL);
      return Proof.refused(Errno.EINVAL);
    }
    return new Proof(groups, devices, described, Optional.empty());
  }

  /** The device a device fd proves ownership of; an unbound cdev fd proves nothing. */
  private Optional<Bdf> deviceBehind(OpenFile f) {
    return f instanceof CdevFile c && !c.isBound() ? Optional.empty() : f.openedDevice();
  }

  private ResetResult devSetHotReset(Caller caller, ResetScope scope, Proof proof, TraceBuilder t) {
    DevSet devSet = state.devSetOf(caller.bdf()).orElseThrow();
    t.note(
        DEV_SET,
        () ->
            "dev_set "
                + devSet.key()
                + " has "
                + devSet.members().size()
                + " member(s) in bind order: "
                + devSet.members());
    if (pci.require(caller.bdf()).isVirtfn() && !pci.busOf(caller.bdf()).hasNoUpstreamBridge()) {
      t.note(
          DEV_SET,
          () ->
              caller.bdf()
                  + " is an SR-IOV VF: vfio_pci_core_register_device "
                  + (profile.givesVfOwnDevSet()
                      ? "gives it a dev_set of its own (\"vfio/pci: Separate SR-IOV VF dev_set\")"
                      : "keys its dev_set by slot or bus like any function (before \"vfio/pci: Separate"
                          + " SR-IOV VF dev_set\")")
                  + " on "
                  + profile.id());
    }
    for (Bdf f : scope.functions()) {
      if (!devSet.contains(f)) {
        t.fail(
            RESETTABLE,
            () -> f + " is affected but not in the dev_set (" + state.whyNotMember(f) + ")",
            Errno.EINVAL);
        return ResetResult.failure(Errno.EINVAL, t.build());
      }
    }
    t.pass(RESETTABLE, "every affected function is a member of the dev_set");
    for (Bdf m : devSet.members()) {
      Optional<String> refusal = proof == null ? ownedByIctx(m, caller) : ownedByProof(m, proof);
      if (refusal.isPresent()) {
        t.fail(DEV_SET, () -> "member " + m + " not owned: " + refusal.get(), Errno.EINVAL);
        return ResetResult.failure(Errno.EINVAL, t.build());
      }
      t.pass(
          DEV_SET,
          () ->
              "member "
                  + m
                  + " owned"
                  + (proof == null ? " by iommufd " + caller.ictx().orElse("?") : ""));
      if (pci.require(m).conditions().contains(TransientCondition.MEMORY_LOCK_BUSY)) {
        t.fail(
            DEV_SET,
            () -> "down_write_trylock(memory_lock) of " + m + " failed (contention, retry)",
            Errno.EBUSY);
        return ResetResult.failure(Errno.EBUSY, t.build());
      }
    }
    for (Bdf f : scope.functions()) {
      if (pci.require(f).conditions().contains(TransientCondition.DEVICE_LOCK_CONTENDED)) {
        t.fail(
            "pci_reset_bus",
            () -> "the device lock of " + f + " is held by a concurrent bind/unbind",
            Errno.EAGAIN);
        return ResetResult.failure(Errno.EAGAIN, t.build());
      }
    }
    t.success(
        "pci_reset_bus",
        () ->
            (scope.kind() == ResetScope.Kind.SLOT ? "slot reset of " : "secondary bus reset of ")
                + scope.describe()
                + ": "
                + scope.size()
                + " function(s) reset");
    return new ResetResult(0, Optional.empty(), scope.functions(), t.build());
  }

  private Optional<String> ownedByProof(Bdf member, Proof proof) {
    Optional<Integer> group = state.groupOf(member);
    if (group.isPresent() && proof.groups().contains(group.get())) {
      return Optional.empty();
    }
    if (proof.devices().contains(member)) {
      return Optional.empty();
    }
    String passed = proof.described().isEmpty() ? "nothing" : String.join(", ", proof.described());
    return Optional.of(
        group.map(g -> "group " + g).orElse("its group")
            + " is not among the passed group files ("
            + passed
            + ")");
  }

  private Optional<String> ownedByIctx(Bdf member, Caller caller) {
    DevIdResolver.Standing s = devids.resolve(member, caller.ictx().orElse(""));
    return s.owned() ? Optional.empty() : Optional.of(s.reason());
  }
}
