package org.vfioworkbench.engine.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.ResetRequest;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetScope;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;

/**
 * QEMU's reset of one assigned vfio-pci device ({@link ConsumerRelease#QEMU}), with the kernel's
 * answers from an {@link Analysis}. QEMU is the caller's holder; the devices it has "realized" are
 * the holder's device fds; its backend is the way the caller's fd was opened (a cdev means the
 * iommufd backend, a group-derived fd the legacy one).
 *
 * <p>{@link #deviceReset} follows {@code vfio_pci_reset}: {@code VFIO_DEVICE_RESET} when the device
 * can reset itself and has FLR or no PM reset; else its own bus reset ({@code
 * vfio_pci_hot_reset_one}, {@code single}: refused without a call when another device QEMU assigned
 * would be reset too, since QEMU leaves those to the system reset); else the PM reset. {@link
 * #systemReset} follows the system-reset path ({@code vfio_pci_hot_reset_multi}), which resets
 * several assigned devices at once and does nothing when no other assigned device is affected.
 *
 * <p>The hot reset itself: INFO with a bare header (an error other than ENOSPC prints "no available
 * reset mechanism"), INFO again with room for {@code count} entries (an error prints "hot reset
 * info failed"), then per backend: legacy checks that it holds every group INFO names (else
 * "depends on group N which is not owned", -EPERM, no call) and passes every group it holds that
 * INFO names, in its group list's order (newest first); iommufd requires DEV_ID_OWNED (else
 * "depends on device X which is not owned" for each NOT_OWNED entry, -EPERM, no call) and passes
 * the zero-length array. The "not owned" lines are printed only when the device has no PM reset.
 */
public final class QemuReset {

  /** {@code sizeof(struct vfio_pci_hot_reset_info)} without the entries. */
  static final int INFO_HEADER = 12;

  /** {@code sizeof(struct vfio_pci_dependent_device)}. */
  static final int INFO_ENTRY = 8;

  private final Analysis analysis;
  private final FdRef caller;
  private final Bdf device;
  private final QemuBackend backend;
  private final ResetCapabilities caps;
  private final List<String> steps = new ArrayList<>();
  private final List<String> printed = new ArrayList<>();
  private Optional<ResetRequest> request = Optional.empty();
  private Optional<ResetResult> kernel = Optional.empty();

  private QemuReset(Analysis analysis, FdRef caller, ResetCapabilities caps) {
    this.analysis = analysis;
    this.caller = caller;
    OpenFile file =
        analysis
            .topology()
            .file(caller)
            .orElseThrow(() -> new IllegalArgumentException("no fd " + caller));
    this.device =
        file.openedDevice()
            .orElseThrow(() -> new IllegalArgumentException(caller + " is not a device fd"));
    this.backend = file instanceof CdevFile ? QemuBackend.IOMMUFD : QemuBackend.LEGACY;
    this.caps = caps;
  }

  /** The backend QEMU would use for the device behind {@code caller}. */
  public static QemuBackend backendOf(Analysis analysis, FdRef caller) {
    return analysis.topology().file(caller).orElse(null) instanceof CdevFile
        ? QemuBackend.IOMMUFD
        : QemuBackend.LEGACY;
  }

  /** {@code vfio_pci_reset} for the device behind {@code caller}: what a guest reset does. */
  public static QemuOutcome deviceReset(Analysis analysis, FdRef caller, ResetCapabilities caps) {
    return new QemuReset(analysis, caller, caps).runDeviceReset();
  }

  /** {@link #deviceReset} for a device without FLR or PM reset. */
  public static QemuOutcome deviceReset(Analysis analysis, FdRef caller) {
    return deviceReset(analysis, caller, ResetCapabilities.NONE);
  }

  /** The system-reset path: a hot reset with {@code single} false. */
  public static QemuOutcome systemReset(Analysis analysis, FdRef caller, ResetCapabilities caps) {
    QemuReset r = new QemuReset(analysis, caller, caps);
    boolean ok = r.hotReset(false);
    return r.outcome(ok ? QemuOutcome.Method.HOT_RESET : QemuOutcome.Method.NONE);
  }

  private QemuOutcome runDeviceReset() {
    boolean alone = analysis.scope(device).scope().map(s -> isOnly(s, device)).orElse(false);
    boolean resetWorks = caps.flr() || caps.pmReset() || alone;
    if (resetWorks && (caps.flr() || !caps.pmReset())) {
      steps.add(
          "VFIO_DEVICE_RESET ("
              + (caps.flr() ? "FLR" : "the device is alone in its reset scope")
              + ") succeeds");
      return outcome(QemuOutcome.Method.DEVICE_RESET);
    }
    steps.add(
        resetWorks
            ? "no FLR: the PM reset is kept for last; try a hot reset first"
            : "VFIO_DEVICE_RESET is not offered (no FLR, no PM reset, not alone in a reset scope);"
                + " try a hot reset");
    if (hotReset(true)) {
      return outcome(QemuOutcome.Method.HOT_RESET);
    }
    if (resetWorks && caps.pmReset()) {
      steps.add("VFIO_DEVICE_RESET (PM reset) succeeds");
      return outcome(QemuOutcome.Method.PM_RESET);
    }
    steps.add("no reset worked; QEMU goes on with the device as it is");
    return outcome(QemuOutcome.Method.NONE);
  }

  private static boolean isOnly(ResetScope s, Bdf device) {
    return s.functions().size() == 1 && s.functions().get(0).equals(device);
  }

  private QemuOutcome outcome(QemuOutcome.Method method) {
    return new QemuOutcome(caller, device, backend, method, steps, printed, request, kernel);
  }

  /** {@code vioc->pci_hot_reset(vbasedev, single)}; true when the kernel reset the devices. */
  private boolean hotReset(boolean single) {
    Optional<InfoResult> info = hotResetInfo();
    if (info.isEmpty()) {
      return false;
    }
    return backend == QemuBackend.LEGACY ? legacy(info.get(), single) : iommufd(info.get(), single);
  }

  /** {@code vfio_pci_get_pci_hot_reset_info}: two calls, the second sized by the first. */
  private Optional<InfoResult> hotResetInfo() {
    InfoResult first = analysis.info(caller, INFO_HEADER);
    if (!first.succeeded()
        && first.errno().orElseThrow() != org.vfioworkbench.engine.Errno.ENOSPC) {
      steps.add("VFIO_DEVICE_GET_PCI_HOT_RESET_INFO (header only) → " + first.retLabel());
      if (!caps.pmReset()) {
        printed.add(QemuMessages.noResetMechanism(device));
      }
      return Optional.empty();
    }
    long argsz = INFO_HEADER + (long) INFO_ENTRY * first.count();
    InfoResult second = analysis.info(caller, argsz);
    steps.add(
        "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO (argsz "
            + argsz
            + ") → "
            + second.retLabel()
            + (second.succeeded() ? ", " + second.count() + " entries" : ""));
    if (!second.succeeded()) {
      printed.add(QemuMessages.hotResetInfoFailed(second.errno().orElseThrow()));
      return Optional.empty();
    }
    return Optional.of(second);
  }

  private boolean legacy(InfoResult info, boolean single) {
    Holder qemu = analysis.topology().holder(caller.holder()).orElseThrow();
    List<GroupFile> groupList = new ArrayList<>();
    for (OpenFile f : qemu.files()) {
      if (f instanceof GroupFile g) {
        groupList.add(0, g);
      }
    }
    boolean multi = false;
    for (InfoEntry e : info.entries()) {
      if (e.bdf().equals(device)) {
        continue;
      }
      Optional<GroupFile> group = groupList.stream().filter(g -> g.group() == e.id()).findFirst();
      if (group.isEmpty()) {
        steps.add("INFO names group " + e.id() + " (" + e.bdf() + "), which QEMU has not opened");
        if (!caps.pmReset()) {
          printed.add(QemuMessages.groupNotOwned(device, (int) e.id()));
        }
        return false;
      }
      if (realizedThroughGroups(qemu, e.bdf())) {
        if (single) {
          steps.add(
              e.bdf()
                  + " is assigned to this VM too: left for the system reset (-EINVAL,"
                  + " nothing printed)");
          return false;
        }
        multi = true;
      }
    }
    if (!single && !multi) {
      steps.add("no other device of this VM is affected: nothing for the system reset to do");
      return false;
    }
    List<Integer> fds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (GroupFile g : groupList) {
      if (info.entries().stream().anyMatch(e -> e.id() == g.group())) {
        fds.add(g.fd());
        names.add("group " + g.group() + " (fd " + g.fd() + ")");
      }
    }
    return call(ResetRequest.of(fds), "[" + String.join(", ", names) + "]");
  }

  private boolean realizedThroughGroups(Holder qemu, Bdf bdf) {
    return qemu.files().stream()
        .anyMatch(f -> !(f instanceof CdevFile) && f.openedDevice().equals(Optional.of(bdf)));
  }

  private boolean iommufd(InfoResult info, boolean single) {
    if (!info.hasFlag(InfoFlag.DEV_ID)) {
      steps.add("INFO did not answer in DEV_ID mode: QEMU asserts that it does");
      return false;
    }
    if (!info.hasFlag(InfoFlag.DEV_ID_OWNED)) {
      steps.add("INFO without DEV_ID_OWNED: some affected device is not owned (-EPERM)");
      if (!caps.pmReset()) {
        for (InfoEntry e : info.entries()) {
          if (e.isNotOwned()) {
            printed.add(QemuMessages.deviceNotOwned(device, e.bdf()));
          }
        }
      }
      return false;
    }
    Holder qemu = analysis.topology().holder(caller.holder()).orElseThrow();
    long ownDevid =
        analysis
            .device(device)
            .flatMap(
                d -> d.devid().isPresent() ? Optional.of(d.devid().getAsLong()) : Optional.empty())
            .orElse(-1L);
    boolean multi = false;
    for (InfoEntry e : info.entries()) {
      if (e.id() == ownDevid || e.id() == InfoEntry.DEVID_OWNED) {
        continue;
      }
      if (realizedByDevid(qemu, e.id())) {
        if (single) {
          steps.add(
              e.bdf()
                  + " is assigned to this VM too: left for the system reset (-EINVAL,"
                  + " nothing printed)");
          return false;
        }
        multi = true;
      }
    }
    if (!single && !multi) {
      steps.add("no other device of this VM is affected: nothing for the system reset to do");
      return false;
    }
    return call(ResetRequest.empty(), "zero-length array");
  }

  private boolean realizedByDevid(Holder qemu, long devid) {
    for (OpenFile f : qemu.files()) {
      if (f instanceof CdevFile c && !c.device().equals(device)) {
        boolean match =
            analysis
                .device(c.device())
                .map(d -> d.devid().isPresent() && d.devid().getAsLong() == devid)
                .orElse(false);
        if (match) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean call(ResetRequest r, String described) {
    ResetResult result = analysis.hotReset(caller, r);
    request = Optional.of(r);
    kernel = Optional.of(result);
    steps.add(
        "VFIO_DEVICE_PCI_HOT_RESET with "
            + described
            + " → "
            + (result.succeeded() ? "0, " + result.reset().size() + " reset" : result.retLabel()));
    return result.succeeded();
  }
}
