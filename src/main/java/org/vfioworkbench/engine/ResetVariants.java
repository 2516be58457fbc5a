package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.OpenFile;

/**
 * The HOT_RESET fd arrays a holder could build for one of its device fds: the one QEMU builds (its
 * natural reset) and the other constructions worth comparing against it.
 */
final class ResetVariants {

  private final HotResetSimulator sim;
  private final FileTable files;

  ResetVariants(HotResetSimulator sim, FileTable files) {
    this.sim = sim;
    this.files = files;
  }

  /**
   * The reset the holder of {@code caller} would naturally attempt, the way QEMU does: the empty
   * array from a cdev-opened device, else its group fds whose ids INFO listed.
   */
  ResetVariant natural(FdRef caller) {
    boolean cdev = files.file(caller).orElse(null) instanceof CdevFile;
    if (cdev) {
      return emptyArray();
    }
    return infoGroups(caller);
  }

  /** Every construction worth trying on {@code caller}, natural one first. */
  List<ResetVariant> all(FdRef caller) {
    ResetVariant natural = natural(caller);
    List<ResetVariant> out = new ArrayList<>();
    out.add(natural);
    for (ResetVariant v :
        List.of(
            emptyArray(),
            infoGroups(caller),
            allHeldGroups(caller),
            everyAffectedGroup(caller),
            deviceFds(caller))) {
      if (v.kind() != natural.kind()) {
        out.add(v);
      }
    }
    return out;
  }

  private static ResetVariant emptyArray() {
    return new ResetVariant(
        ResetVariant.Kind.EMPTY_ARRAY, ResetRequest.empty(), "zero-length array");
  }

  /**
   * The holder's group fds for the groups of the affected functions, each once: what QEMU's legacy
   * backend sends (it matches INFO's group ids against the groups it holds). For a cdev caller,
   * whose INFO carries devids, the groups come from the reset scope itself.
   */
  private ResetVariant infoGroups(FdRef caller) {
    Set<Integer> listed = new LinkedHashSet<>();
    InfoResult r = sim.info(caller);
    if (r.succeeded() && r.entries().stream().noneMatch(InfoEntry::devIdMode)) {
      r.entries().forEach(e -> listed.add((int) e.id()));
    } else {
      scopeOf(caller).ifPresent(s -> listed.addAll(groupsOf(s)));
    }
    callerDevice(caller).flatMap(b -> sim.pci().groupOf(b)).ifPresent(listed::add);
    List<Integer> fds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (OpenFile f : holderFiles(caller)) {
      if (f instanceof GroupFile g && listed.contains(g.group())) {
        fds.add(f.fd());
        names.add("group " + g.group());
      }
    }
    return new ResetVariant(
        ResetVariant.Kind.INFO_GROUPS,
        ResetRequest.of(fds),
        fds.isEmpty()
            ? "holds no group of the affected functions"
            : "held groups of the affected functions: " + String.join(", ", names));
  }

  private ResetVariant everyAffectedGroup(FdRef caller) {
    Set<Integer> affected = new LinkedHashSet<>();
    scopeOf(caller).ifPresent(s -> affected.addAll(groupsOf(s)));
    List<Integer> fds = new ArrayList<>();
    Set<Integer> held = new HashSet<>();
    for (OpenFile f : holderFiles(caller)) {
      if (f instanceof GroupFile g && affected.contains(g.group()) && held.add(g.group())) {
        fds.add(f.fd());
      }
    }
    List<Integer> toOpen = new ArrayList<>();
    List<Integer> noNode = new ArrayList<>();
    for (int g : affected) {
      if (!held.contains(g)) {
        (sim.vfioGroupExists(g) ? toOpen : noNode).add(g);
      }
    }
    String description =
        "held groups "
            + held
            + (toOpen.isEmpty() ? "" : " plus groups " + toOpen + " opened first")
            + (noNode.isEmpty()
                ? ""
                : "; groups " + noNode + " have no /dev/vfio node (no vfio function)");
    return new ResetVariant(
        ResetVariant.Kind.EVERY_AFFECTED_GROUP, ResetRequest.of(fds), description, toOpen);
  }

  private ResetVariant allHeldGroups(FdRef caller) {
    List<Integer> fds = new ArrayList<>();
    for (OpenFile f : holderFiles(caller)) {
      if (f instanceof GroupFile) {
        fds.add(f.fd());
      }
    }
    return new ResetVariant(
        ResetVariant.Kind.ALL_HOLDER_GROUPS,
        ResetRequest.of(fds),
        "every group fd " + caller.holder() + " holds");
  }

  private ResetVariant deviceFds(FdRef caller) {
    Optional<ResetScope> scope = scopeOf(caller);
    List<Integer> fds = new ArrayList<>();
    for (OpenFile f : holderFiles(caller)) {
      Optional<Bdf> d = f.openedDevice();
      if (d.isPresent() && scope.map(s -> s.contains(d.get())).orElse(false)) {
        fds.add(f.fd());
      }
    }
    return new ResetVariant(
        ResetVariant.Kind.DEVICE_FDS,
        ResetRequest.of(fds),
        "device fds " + caller.holder() + " holds for affected devices");
  }

  private Optional<Bdf> callerDevice(FdRef caller) {
    return files.file(caller).flatMap(OpenFile::openedDevice);
  }

  private Optional<ResetScope> scopeOf(FdRef caller) {
    return callerDevice(caller).flatMap(b -> sim.scope(b).scope());
  }

  /** The IOMMU groups of a scope's functions, in scope order. */
  private Set<Integer> groupsOf(ResetScope scope) {
    Set<Integer> out = new LinkedHashSet<>();
    scope.functions().forEach(f -> sim.pci().require(f).iommuGroup().ifPresent(out::add));
    return out;
  }

  private List<OpenFile> holderFiles(FdRef ref) {
    return files.filesOf(ref.holder());
  }
}
