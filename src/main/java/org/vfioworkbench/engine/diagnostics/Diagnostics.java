package org.vfioworkbench.engine.diagnostics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DevSet;
import org.vfioworkbench.engine.DeviceState;
import org.vfioworkbench.engine.HotResetSimulator;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Refusal;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetScope;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.ScopeDecision;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;

/**
 * Finds every {@link Diagnostic} of a state from the engine's own answers: kernel refusals of the
 * described files, viability, reset scopes against dev-sets, and simulated resets. Pure; the order
 * is stable (kind by kind, each in topology order).
 */
public final class Diagnostics {

  private Diagnostics() {}

  /** Everything wrong with the state {@code sim} answers for; empty when nothing is. */
  public static List<Diagnostic> of(HotResetSimulator sim) {
    List<Diagnostic> out = new ArrayList<>();
    kernelRefusals(sim, out);
    deviceFdsInNonViableGroups(sim, out);
    nonViableGroups(sim, out);
    out.addAll(
        sim instanceof Analysis a
            ? a.onPciPart("diagnostics.never-resettable", Diagnostics::neverResettable)
            : neverResettable(sim));
    ownershipConflicts(sim, out);
    unheldDevicesBlockingResets(sim, out);
    return out;
  }

  /** The diagnostics of one kind. */
  public static List<Diagnostic> of(HotResetSimulator sim, Diagnostic.Kind kind) {
    return of(sim).stream().filter(d -> d.kind() == kind).toList();
  }

  /** Files and driver bindings the kernel would have refused, replayed in order. */
  private static void kernelRefusals(HotResetSimulator sim, List<Diagnostic> out) {
    for (Refusal r : KernelCalls.driverRefusals(sim.topology(), sim.profile())) {
      out.add(
          Diagnostic.of(
              Diagnostic.Kind.KERNEL_REFUSAL,
              "the kernel ("
                  + sim.profile().id()
                  + ") would refuse "
                  + r.call()
                  + ": "
                  + r.headline(),
              new Subject.Function(Bdf.parse(r.subject()))));
    }
    KernelCalls.fileRefusals(sim.topology(), sim.profile())
        .forEach(
            (fd, r) ->
                out.add(
                    Diagnostic.of(
                        Diagnostic.Kind.KERNEL_REFUSAL,
                        "the kernel ("
                            + sim.profile().id()
                            + ") would refuse "
                            + r.call()
                            + ": "
                            + r.headline(),
                        new Subject.File(fd))));
  }

  /**
   * A device fd through a group, or a cdev bound into an iommufd, claims the group's DMA ownership
   * ({@code vfio_group_ioctl_set_container} needs a viable group, {@code
   * iommu_device_claim_dma_owner} fails while a DMA-API driver owns it): such an fd cannot exist
   * next to a member on a DMA-API driver.
   */
  private static void deviceFdsInNonViableGroups(HotResetSimulator sim, List<Diagnostic> out) {
    for (Holder h : sim.topology().holders()) {
      for (OpenFile f : h.files()) {
        boolean claimsOwnership = f instanceof DeviceFile || f instanceof CdevFile c && c.isBound();
        Optional<Bdf> device = f.openedDevice();
        Optional<Integer> group = device.flatMap(b -> sim.pci().groupOf(b));
        if (claimsOwnership && group.isPresent() && !sim.viable(group.get())) {
          PciFunction claimer = sim.pci().dmaClaimers(group.get()).get(0);
          out.add(
              Diagnostic.of(
                  Diagnostic.Kind.DEVICE_FD_IN_NON_VIABLE_GROUP,
                  h.name()
                      + " holds "
                      + f.describe()
                      + " on "
                      + device.get()
                      + ", but group "
                      + group.get()
                      + " is not viable ("
                      + claimer.bdf()
                      + " is bound to "
                      + claimer.driver().label()
                      + "): the kernel hands out no such fd",
                  new Subject.File(new FdRef(h.name(), f.fd()))));
        }
      }
    }
  }

  private static void nonViableGroups(HotResetSimulator sim, List<Diagnostic> out) {
    for (int g : sim.pci().populatedGroups()) {
      if (sim.viable(g) || !sim.vfioGroupExists(g)) {
        continue;
      }
      for (PciFunction f : sim.pci().dmaClaimers(g)) {
        out.add(
            Diagnostic.of(
                Diagnostic.Kind.NON_VIABLE_GROUP,
                "group "
                    + g
                    + " is not viable: "
                    + name(f)
                    + " is bound to "
                    + f.driver().label()
                    + ", which claims the group's DMA",
                new Subject.Function(f.bdf())));
      }
    }
  }

  private static List<Diagnostic> neverResettable(HotResetSimulator sim) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    // functions sharing a reset scope and a dev-set report the same members: look once per pair
    Set<ScopeAndSet> looked = new HashSet<>();
    for (Bdf b : sim.devices().keySet()) {
      ScopeDecision d = sim.scope(b);
      if (d.scope().isEmpty()) {
        String why =
            d.steps().isEmpty()
                ? "no slot or bus reset"
                : d.steps().get(d.steps().size() - 1).fact();
        out.add(
            Diagnostic.of(
                Diagnostic.Kind.NEVER_RESETTABLE,
                b + " can never be hot-reset (-ENODEV): " + why,
                new Subject.Function(b)));
        continue;
      }
      ResetScope s = d.scope().get();
      Optional<DevSet> set = sim.devSet(b);
      if (!looked.add(new ScopeAndSet(s, set.map(DevSet::key)))) {
        continue;
      }
      Set<Bdf> members = membersOf(set);
      for (Bdf other : s.functions()) {
        if (members.contains(other)) {
          continue;
        }
        if (reported.add(s.describe() + "/" + other)) {
          PciFunction f = sim.pci().require(other);
          out.add(
              Diagnostic.of(
                  Diagnostic.Kind.NEVER_RESETTABLE,
                  "devices on "
                      + s.describe()
                      + " can never be hot-reset: "
                      + other
                      + " ("
                      + f.driver().label()
                      + ") is in the reset scope but not in the dev-set",
                  new Subject.Function(other)));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * An open, resettable device whose holder fails with every array it could build from the fds it
   * holds; the note names the groups whose opening would make the reset succeed, if any.
   */
  private static void ownershipConflicts(HotResetSimulator sim, List<Diagnostic> out) {
    for (Map.Entry<Bdf, DeviceState> e : sim.devices().entrySet()) {
      DeviceState d = e.getValue();
      if (!d.isOpen() || !scopeInDevSet(sim, e.getKey())) {
        continue;
      }
      FdRef fd = callerFd(d);
      boolean anyPasses = false;
      ResetResult natural = null;
      String remedy = "";
      for (ResetVariant v : sim.variants(fd)) {
        ResetResult r = sim.evaluate(fd, v);
        if (natural == null) {
          natural = r;
        }
        if (v.isHypothetical()) {
          remedy =
              r.succeeded()
                  ? "; it would succeed after opening groups " + v.groupsToOpen()
                  : remedy;
        } else {
          anyPasses |= r.succeeded();
        }
      }
      if (!anyPasses && natural != null) {
        TraceStep last = natural.trace().get(natural.trace().size() - 1);
        out.add(
            Diagnostic.of(
                Diagnostic.Kind.OWNERSHIP_CONFLICT,
                fd.holder()
                    + " cannot hot-reset "
                    + e.getKey()
                    + " with the fds it holds ("
                    + natural.retLabel()
                    + ": "
                    + last.fact()
                    + ")"
                    + remedy,
                new Subject.File(fd)));
      }
    }
  }

  /**
   * {@code vfio_pci_dev_set_hot_reset} wants every device of the dev-set covered: its group in the
   * array ({@code vfio_dev_in_groups}) or, for the zero-length array, owned by the caller's iommufd
   * ({@code vfio_device_owned}: bound into it, or its group has a device bound into it). A vfio
   * device that nobody holds is covered by neither unless the caller holds its group, so it blocks
   * a reset that fails.
   */
  private static void unheldDevicesBlockingResets(HotResetSimulator sim, List<Diagnostic> out) {
    Set<Bdf> reported = new LinkedHashSet<>();
    for (Map.Entry<Bdf, DeviceState> e : sim.devices().entrySet()) {
      DeviceState d = e.getValue();
      Optional<DevSet> set = sim.devSet(e.getKey());
      if (!d.isOpen() || set.isEmpty() || !scopeInDevSet(sim, e.getKey())) {
        continue;
      }
      FdRef fd = callerFd(d);
      ResetVariant natural = sim.naturalReset(fd);
      if (sim.hotReset(fd, natural.request()).succeeded()) {
        continue;
      }
      Set<Integer> arrayGroups = groupsOf(sim, fd.holder(), natural.request().fds());
      boolean emptyArray = natural.request().fds().isEmpty();
      Optional<String> ictx = d.boundIctx();
      for (Bdf member : set.get().members()) {
        boolean unheld = sim.device(member).map(s -> !s.isOpen()).orElse(false);
        Optional<Integer> group = sim.pci().groupOf(member);
        if (!unheld || group.isEmpty() || reported.contains(member)) {
          continue;
        }
        boolean covered =
            emptyArray
                ? ictx.map(i -> sim.iommufdHasGroup(i, group.get())).orElse(false)
                : arrayGroups.contains(group.get());
        if (!covered) {
          reported.add(member);
          out.add(
              Diagnostic.of(
                  Diagnostic.Kind.UNHELD_DEVICE_BLOCKS_RESET,
                  member
                      + " is bound to "
                      + sim.pci().require(member).driver().label()
                      + " but nobody holds it; "
                      + fd.holder()
                      + "'s reset of "
                      + e.getKey()
                      + " must cover it, and "
                      + (emptyArray
                          ? "no device of group "
                              + group.get()
                              + " is bound into "
                              + ictx.orElse("an iommufd")
                          : "group " + group.get() + " is not in the array"),
                  new Subject.Function(member)));
        }
      }
    }
  }

  /** The fd a holder would call HOT_RESET on: its cdev, else its first group-derived fd. */
  private static FdRef callerFd(DeviceState d) {
    return d.cdevFd()
        .filter(c -> d.cdevOpened() || d.groupFds().isEmpty())
        .orElseGet(() -> d.groupFds().isEmpty() ? d.cdevFd().orElseThrow() : d.groupFds().get(0));
  }

  private static Set<Integer> groupsOf(HotResetSimulator sim, String holder, List<Integer> fds) {
    Set<Integer> out = new HashSet<>();
    sim.topology()
        .holder(holder)
        .ifPresent(
            h ->
                h.files().stream()
                    .filter(f -> fds.contains(f.fd()) && f instanceof GroupFile)
                    .forEach(f -> out.add(((GroupFile) f).group())));
    return out;
  }

  private static boolean scopeInDevSet(HotResetSimulator sim, Bdf b) {
    Set<Bdf> members = membersOf(sim.devSet(b));
    return sim.scope(b).scope().map(s -> members.containsAll(s.functions())).orElse(false);
  }

  /** A dev-set's members as a set, so that a scope is checked against it in one pass. */
  private static Set<Bdf> membersOf(Optional<DevSet> set) {
    return set.<Set<Bdf>>map(x -> new HashSet<>(x.members())).orElse(Set.of());
  }

  /** A reset scope and the key of the dev-set of a function it was decided for. */
  private record ScopeAndSet(ResetScope scope, Optional<DevSet.Key> set) {}

  /** "0000:01:00.1 HD audio": the address and the description when there is one. */
  private static String name(PciFunction f) {
    return f.description().isBlank() ? f.bdf().toString() : f.bdf() + " " + f.description();
  }
}
