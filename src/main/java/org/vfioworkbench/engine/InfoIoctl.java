package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.PciFunction;

/**
 * {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO}, as {@code vfio_pci_ioctl_get_pci_hot_reset_info} and
 * {@code vfio_pci_fill_devs} evaluate it.
 */
final class InfoIoctl {

  static final String FN = "vfio_pci_ioctl_get_pci_hot_reset_info";
  static final String FILL = "vfio_pci_fill_devs";
  static final int HEADER = 12;
  static final int ENTRY = 8;

  private final PciIndex pci;
  private final ResetScopes scopes;
  private final VfioState state;
  private final CallerGate gate;
  private final DevIdResolver devids;
  private final Profile profile;

  InfoIoctl(IoctlContext context) {
    this.pci = context.pci();
    this.scopes = context.scopes();
    this.state = context.state();
    this.gate = context.gate();
    this.devids = context.devids();
    this.profile = context.profile();
  }

  InfoResult call(FdRef ref, long argsz) {
    TraceBuilder t = new TraceBuilder();
    CallerGate.Result admitted = gate.admit(ref, t);
    if (admitted.caller().isEmpty()) {
      return InfoResult.failure(admitted.errno().orElseThrow(), argsz, t.build());
    }
    Caller caller = admitted.caller().get();
    if (argsz < HEADER) {
      t.fail(FN, () -> "argsz " + argsz + " is smaller than the 12-byte header", Errno.EINVAL);
      return InfoResult.failure(Errno.EINVAL, argsz, t.build());
    }
    t.pass(FN, () -> "argsz " + argsz + " covers the header; input flags and count are ignored");
    ScopeDecision decision = scopes.decide(caller.bdf());
    t.addAll(decision.steps());
    if (decision.scope().isEmpty()) {
      return InfoResult.failure(Errno.ENODEV, argsz, t.build());
    }
    ResetScope scope = decision.scope().get();
    int n = scope.size();
    long capacity = (argsz - HEADER) / ENTRY;
    boolean devIdMode = profile.hasDevIdReporting() && caller.cdevOpened();
    t.note(
        FN,
        () ->
            devIdMode
                ? "caller is cdev-opened (iommufd "
                    + caller.ictx().orElse("?")
                    + "): DEV_ID mode, flags start as DEV_ID|DEV_ID_OWNED"
                : "caller is opened through its group: group-id mode, flags 0");
    t.note(FN, () -> n + " function(s) affected; argsz " + argsz + " has room for " + capacity);
    if (profile.copiesInsideWalk()) {
      return fillDuringWalk(caller, scope, capacity, devIdMode, argsz, t);
    }
    if (profile.hasUninitialisedInfoCount()) {
      t.note(
          FN,
          () ->
              "int count is not initialised before vfio_pci_count_devs adds the "
                  + n
                  + " function(s) to it ("
                  + profile.id()
                  + "; fixed by \"vfio/pci: Init the count variable"
                  + " in collecting hot-reset devices\" in 6.6.41 and 6.9.10). The model takes a"
                  + " zero-initialised stack (CONFIG_INIT_STACK_ALL_ZERO, the default with GCC 12+ or clang);"
                  + " built without it, the count is "
                  + n
                  + " plus stack garbage: -ENOSPC reports that"
                  + " garbage, and QEMU sizes its next buffer from it");
    }
    if (n > capacity) {
      t.fail(
          FN,
          () ->
              "buffer holds "
                  + capacity
                  + " of "
                  + n
                  + " entries; header written with count "
                  + n
                  + ", flags 0, no entries",
          Errno.ENOSPC);
      return new InfoResult(
          Errno.ENOSPC.ret(),
          Optional.of(Errno.ENOSPC),
          true,
          argsz,
          Set.of(),
          n,
          List.of(),
          t.build());
    }
    Fill fill = new Fill(caller, devIdMode);
    for (Bdf f : scope.functions()) {
      if (!fill.add(f, t)) {
        return InfoResult.failure(Errno.EPERM, argsz, t.build());
      }
    }
    return finish(fill, n, argsz, t);
  }

  /** v6.6–v6.9: entries are copied during the walk, and the walk only counts past the buffer. */
  private InfoResult fillDuringWalk(
      Caller caller,
      ResetScope scope,
      long capacity,
      boolean devIdMode,
      long argsz,
      TraceBuilder t) {
    Fill fill = new Fill(caller, devIdMode);
    int n = scope.size();
    for (int i = 0; i < n && i < capacity; i++) {
      if (!fill.add(scope.functions().get(i), t)) {
        return InfoResult.failure(Errno.EPERM, argsz, t.build());
      }
    }
    if (n > capacity) {
      t.fail(
          FN,
          () ->
              "buffer holds "
                  + capacity
                  + " of "
                  + n
                  + " entries; the walk counted the rest without evaluating them, "
                  + "so the flags describe only the "
                  + fill.entries.size()
                  + " entries written",
          Errno.ENOSPC);
      return new InfoResult(
          Errno.ENOSPC.ret(),
          Optional.of(Errno.ENOSPC),
          true,
          argsz,
          fill.flags,
          n,
          fill.entries,
          t.build());
    }
    return finish(fill, n, argsz, t);
  }

  private InfoResult finish(Fill fill, int n, long argsz, TraceBuilder t) {
    if (profile.hasStrictInfo() && fill.devIdMode && !fill.flags.contains(InfoFlag.DEV_ID_OWNED)) {
      t.fail(FN, "design review: a strict INFO refuses to report unowned devices", Errno.EPERM);
      return InfoResult.failure(Errno.EPERM, argsz, t.build());
    }
    t.success(FN, () -> n + " entries written, flags " + InfoFlag.names(fill.flags));
    return new InfoResult(0, Optional.empty(), true, argsz, fill.flags, n, fill.entries, t.build());
  }

  /** The entries and flags being filled. */
  private final class Fill {
    final Caller caller;
    final boolean devIdMode;
    final Set<InfoFlag> flags;
    final List<InfoEntry> entries = new ArrayList<>();
    final Optional<DevSet> devSet;

    Fill(Caller caller, boolean devIdMode) {
      this.caller = caller;
      this.devIdMode = devIdMode;
      this.flags =
          devIdMode
              ? EnumSet.of(InfoFlag.DEV_ID, InfoFlag.DEV_ID_OWNED)
              : EnumSet.noneOf(InfoFlag.class);
      this.devSet = state.devSetOf(caller.bdf());
    }

    /** Adds one entry; false when group mode meets a function without a group (-EPERM). */
    boolean add(Bdf bdf, TraceBuilder t) {
      PciFunction f = pci.require(bdf);
      if (!devIdMode) {
        if (f.iommuGroup().isEmpty()) {
          t.fail(
              FILL, () -> bdf + " has no IOMMU group, so no group id can be reported", Errno.EPERM);
          return false;
        }
        int group = f.iommuGroup().getAsInt();
        entries.add(InfoEntry.group(bdf, group));
        t.note(FILL, () -> bdf + " → group " + group + " (" + f.driver().label() + ")");
        return true;
      }
      if (devSet.isEmpty() || !devSet.get().contains(bdf)) {
        entries.add(InfoEntry.devid(bdf, InfoEntry.DEVID_NOT_OWNED));
        flags.remove(InfoFlag.DEV_ID_OWNED);
        t.note(
            FILL,
            () -> bdf + " → NOT_OWNED: " + state.whyNotMember(bdf) + "; DEV_ID_OWNED cleared");
        return true;
      }
      DevIdResolver.Standing s = devids.resolve(bdf, caller.ictx().orElse(""));
      entries.add(InfoEntry.devid(bdf, s.id()));
      if (!s.owned()) {
        flags.remove(InfoFlag.DEV_ID_OWNED);
        t.note(FILL, () -> bdf + " → NOT_OWNED: " + s.reason() + "; DEV_ID_OWNED cleared");
      } else {
        t.note(
            FILL, () -> bdf + " → " + InfoEntry.devid(bdf, s.id()).idLabel() + ": " + s.reason());
      }
      return true;
    }
  }
}
