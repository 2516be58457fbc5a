package org.vfioworkbench.engine.remedy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetScope;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.ScopeDecision;
import org.vfioworkbench.engine.consumer.QemuReset;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Explains failed natural resets. Candidate fixes are built from the blockers (open a blocker's
 * group in the caller's process, move a blocker into the caller's iommufd or group lane, release
 * it, bind it to vfio-pci, end the process that holds it, and the same for every blocker at once);
 * each is applied with {@link Edit#apply} to the state and the caller's natural reset evaluated on
 * the result. Offered remedies are ranked by what they take from others, then by how many edits
 * they need.
 */
public final class Explainer {

  private final Analysis analysis;
  private final Topology topology;
  private final Profile profile;

  private Explainer(Analysis analysis) {
    this.analysis = analysis;
    this.topology = analysis.topology();
    this.profile = analysis.profile();
  }

  /** Every device fd whose natural reset fails, explained, in the analysis's fd order. */
  public static List<Explanation> explainFailures(Analysis analysis) {
    List<Explanation> out = new ArrayList<>();
    for (FdRef fd : analysis.deviceFds()) {
      ResetVariant natural = analysis.naturalReset(fd);
      if (!analysis.hotReset(fd, natural.request()).succeeded()) {
        out.add(explain(analysis, fd));
      }
    }
    return out;
  }

  /** Explains the natural reset of the device behind {@code caller} (also when it succeeds). */
  public static Explanation explain(Analysis analysis, FdRef caller) {
    return new Explainer(analysis).run(caller);
  }

  private Explanation run(FdRef caller) {
    Bdf device =
        topology
            .file(caller)
            .flatMap(OpenFile::openedDevice)
            .orElseThrow(() -> new IllegalArgumentException(caller + " is not a device fd"));
    Holder holder = topology.holder(caller.holder()).orElseThrow();
    ResetVariant natural = analysis.naturalReset(caller);
    ResetResult result = analysis.hotReset(caller, natural.request());
    List<Blocker> blockers = result.succeeded() ? List.of() : blockers(caller, device);
    List<Remedy> remedies = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    if (!result.succeeded()) {
      for (Candidate c : candidates(caller, device, blockers)) {
        evaluate(c, caller, device, remedies, refused);
      }
      remedies.sort(
          Comparator.<Remedy>comparingInt(r -> weight(r.after()))
              .thenComparingInt(r -> editCount(r.edit()))
              .thenComparing(Remedy::title));
      List<Topology> seen = new ArrayList<>();
      remedies.removeIf(
          r -> {
            boolean same = seen.contains(r.after());
            seen.add(r.after());
            return same;
          });
    }
    Optional<NoRemedy> none =
        result.succeeded() || !remedies.isEmpty()
            ? Optional.empty()
            : Optional.of(noRemedy(device));
    return new Explanation(
        caller,
        device,
        HolderInfo.of(holder),
        natural,
        result,
        QemuReset.deviceReset(analysis, caller),
        blockers,
        remedies,
        refused,
        none);
  }

  // ---------------------------------------------------------------- blockers

  private List<Blocker> blockers(FdRef caller, Bdf device) {
    Optional<ResetScope> scope = analysis.scope(device).scope();
    if (scope.isEmpty()) {
      return List.of();
    }
    InfoResult info = analysis.info(caller);
    Set<Integer> heldGroups = groupsHeld(caller.holder());
    List<Blocker> out = new ArrayList<>();
    for (Bdf f : scope.get().functions()) {
      if (f.equals(device)) {
        continue;
      }
      PciFunction fn = topology.function(f).orElseThrow();
      List<String> reasons = new ArrayList<>();
      OptionalInt group = fn.iommuGroup();
      if (group.isEmpty()) {
        reasons.add("has no IOMMU group");
      }
      if (!fn.driver().isVfio() && !fn.isBridge()) {
        reasons.add("is bound to " + fn.driver().label() + ", not to vfio-pci");
      }
      for (InfoEntry e : info.entries()) {
        if (e.bdf().equals(f) && e.isNotOwned()) {
          reasons.add("INFO reports it NOT_OWNED for " + caller.holder());
        }
        if (e.bdf().equals(f) && !e.devIdMode() && !heldGroups.contains((int) e.id())) {
          reasons.add(caller.holder() + " does not hold its group " + e.id());
        }
      }
      List<HolderInfo> holders = holdersOf(f, group);
      for (HolderInfo h : holders) {
        if (!h.name().equals(caller.holder())) {
          reasons.add("is held by " + h.describe());
        }
      }
      if (!reasons.isEmpty()) {
        out.add(new Blocker(f, group, fn.driver().label(), reasons, holders));
      }
    }
    return out;
  }

  private Set<Integer> groupsHeld(String holder) {
    Set<Integer> out = new LinkedHashSet<>();
    topology
        .holder(holder)
        .ifPresent(
            h ->
                h.files()
                    .forEach(
                        f -> {
                          if (f instanceof GroupFile g) {
                            out.add(g.group());
                          }
                        }));
    return out;
  }

  private List<HolderInfo> holdersOf(Bdf f, OptionalInt group) {
    List<HolderInfo> out = new ArrayList<>();
    for (Holder h : topology.holders()) {
      boolean holds =
          h.files().stream()
              .anyMatch(
                  x ->
                      x.openedDevice().equals(Optional.of(f))
                          || group.isPresent()
                              && x instanceof GroupFile g
                              && g.group() == group.getAsInt());
      if (holds) {
        out.add(HolderInfo.of(h));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- candidates

  /** A candidate fix and its title. */
  private record Candidate(String title, Edit edit) {}

  private List<Candidate> candidates(FdRef caller, Bdf device, List<Blocker> blockers) {
    String me = caller.holder();
    boolean cdevCaller = topology.file(caller).orElseThrow() instanceof CdevFile;
    String ictx = iommufdOf(me).orElse(me + "'s new iommufd");
    Map<String, Candidate> out = new LinkedHashMap<>();
    List<Edit> allCdev = new ArrayList<>();
    List<Edit> allGroup = new ArrayList<>();
    List<Edit> allOpen = new ArrayList<>();
    List<Edit> allRelease = new ArrayList<>();
    for (Blocker b : blockers) {
      Bdf f = b.function();
      boolean heldElsewhere = b.holders().stream().anyMatch(h -> !h.name().equals(me));
      boolean needsVfio = !topology.function(f).orElseThrow().driver().isVfio();
      List<Edit> prefix = new ArrayList<>();
      if (heldElsewhere) {
        prefix.add(new Edit.Release(f));
      }
      if (needsVfio) {
        prefix.add(new Edit.SetDriver(f, Driver.VFIO_PCI));
      }
      String cdevTitle = "move " + f + " into iommufd " + ictx;
      String groupTitle = "move " + f + " into " + me + "'s group lane";
      Edit toCdev = sequence(cdevTitle, prefix, new Edit.MoveToCdev(me, f));
      Edit toGroup = sequence(groupTitle, prefix, new Edit.MoveToGroup(me, f));
      add(out, cdevCaller ? cdevTitle : groupTitle, cdevCaller ? toCdev : toGroup);
      add(out, cdevCaller ? groupTitle : cdevTitle, cdevCaller ? toGroup : toCdev);
      allCdev.add(toCdev);
      allGroup.add(toGroup);
      if (b.group().isPresent() && !groupsHeld(me).contains(b.group().getAsInt())) {
        int g = b.group().getAsInt();
        String openTitle = "open group " + g + " in " + me;
        Edit open =
            sequence(
                openTitle,
                needsVfio ? List.of(new Edit.SetDriver(f, Driver.VFIO_PCI)) : List.of(),
                new Edit.Open(
                    me, GroupFile.detached(topology.holder(me).orElseThrow().nextFreeFd(), g)));
        add(out, openTitle, open);
        allOpen.add(open);
      }
      if (heldElsewhere) {
        Edit release = new Edit.Release(f);
        add(out, release);
        allRelease.add(release);
        for (HolderInfo h : b.holders()) {
          if (!h.name().equals(me)) {
            add(out, new Edit.RemoveHolder(h.name()));
          }
        }
      }
      if (needsVfio) {
        add(out, new Edit.SetDriver(f, Driver.VFIO_PCI));
      }
    }
    Set<String> others = new LinkedHashSet<>();
    blockers.forEach(
        b ->
            b.holders().stream()
                .map(HolderInfo::name)
                .filter(n -> !n.equals(me))
                .forEach(others::add));
    for (String other : others) {
      List<Edit> thenCdev = new ArrayList<>(List.of(new Edit.RemoveHolder(other)));
      List<Edit> thenGroup = new ArrayList<>(List.of(new Edit.RemoveHolder(other)));
      for (Blocker b : blockers) {
        thenCdev.add(new Edit.MoveToCdev(me, b.function()));
        thenGroup.add(new Edit.MoveToGroup(me, b.function()));
      }
      add(
          out,
          new Edit.Sequence(
              "end " + other + ", then move what it held into iommufd " + ictx, thenCdev));
      add(
          out,
          new Edit.Sequence(
              "end " + other + ", then move what it held into " + me + "'s group lane", thenGroup));
    }
    boolean unbound = topology.file(caller).orElseThrow() instanceof CdevFile c && !c.isBound();
    if (unbound) {
      add(out, "bind " + device + "'s cdev to iommufd " + ictx, new Edit.MoveToCdev(me, device));
    }
    analysis
        .scope(device)
        .scope()
        .ifPresent(
            scope -> {
              List<Edit> wholeCdev = new ArrayList<>();
              List<Edit> wholeGroup = new ArrayList<>();
              for (Bdf f : scope.functions()) {
                PciFunction fn = topology.function(f).orElseThrow();
                if (fn.isBridge()) {
                  continue;
                }
                boolean elsewhere =
                    holdersOf(f, fn.iommuGroup()).stream().anyMatch(h -> !h.name().equals(me));
                List<Edit> prefix = new ArrayList<>();
                if (elsewhere) {
                  prefix.add(new Edit.Release(f));
                }
                if (!fn.driver().isVfio()) {
                  prefix.add(new Edit.SetDriver(f, Driver.VFIO_PCI));
                }
                boolean self = f.equals(device);
                if (!self || (cdevCaller && (unbound || elsewhere))) {
                  wholeCdev.addAll(prefix);
                  wholeCdev.add(new Edit.MoveToCdev(me, f));
                }
                if (!self || (!cdevCaller && elsewhere)) {
                  wholeGroup.addAll(prefix);
                  wholeGroup.add(new Edit.MoveToGroup(me, f));
                }
              }
              if (!wholeCdev.isEmpty()) {
                add(
                    out,
                    new Edit.Sequence(
                        "move everything the reset takes into iommufd " + ictx, wholeCdev));
              }
              if (!wholeGroup.isEmpty()) {
                add(
                    out,
                    new Edit.Sequence(
                        "move everything the reset takes into " + me + "'s group lane",
                        wholeGroup));
              }
            });
    if (blockers.size() > 1) {
      add(out, new Edit.Sequence("move every blocking function into iommufd " + ictx, allCdev));
      add(
          out,
          new Edit.Sequence("move every blocking function into " + me + "'s group lane", allGroup));
      if (allOpen.size() > 1) {
        add(out, new Edit.Sequence("open every blocking group in " + me, allOpen));
      }
      if (allRelease.size() > 1) {
        add(out, new Edit.Sequence("release every blocking function", allRelease));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static Edit sequence(String label, List<Edit> prefix, Edit last) {
    if (prefix.isEmpty()) {
      return last;
    }
    List<Edit> all = new ArrayList<>(prefix);
    all.add(last);
    return new Edit.Sequence(label, all);
  }

  private static void add(Map<String, Candidate> out, Edit e) {
    add(out, titleOf(e), e);
  }

  private static void add(Map<String, Candidate> out, String title, Edit e) {
    out.putIfAbsent(title, new Candidate(title, e));
  }

  private static String titleOf(Edit e) {
    if (e instanceof Edit.Sequence s) {
      return s.label();
    }
    if (e instanceof Edit.Open o && o.file() instanceof GroupFile g) {
      return "open group " + g.group() + " in " + o.holder();
    }
    if (e instanceof Edit.Release r) {
      return "release " + r.device() + " (every holder closes it)";
    }
    if (e instanceof Edit.RemoveHolder r) {
      return "end " + r.name();
    }
    if (e instanceof Edit.SetDriver s) {
      return "bind " + s.device() + " to " + s.driver().label();
    }
    return e.label();
  }

  private Optional<String> iommufdOf(String holder) {
    return topology
        .holder(holder)
        .flatMap(
            h ->
                h.files().stream()
                    .filter(f -> f instanceof IommufdFile)
                    .map(f -> ((IommufdFile) f).iommufd())
                    .findFirst());
  }

  private static int editCount(Edit e) {
    return e instanceof Edit.Sequence s ? s.edits().size() : 1;
  }

  // ---------------------------------------------------------------- evaluation

  private void evaluate(
      Candidate c, FdRef caller, Bdf device, List<Remedy> remedies, List<Refused> refused) {
    Attempt attempt = c.edit().apply(topology, profile);
    if (!attempt.succeeded()) {
      refused.add(new Refused(c.title(), c.edit(), attempt.refusal().orElseThrow().headline()));
      return;
    }
    Topology after = attempt.orElseThrow();
    Optional<FdRef> newCaller = callerAfter(after, caller, device);
    if (newCaller.isEmpty()) {
      refused.add(
          new Refused(c.title(), c.edit(), caller.holder() + " no longer has " + device + " open"));
      return;
    }
    Analysis again = Analysis.after(analysis, after, profile);
    ResetVariant natural = again.naturalReset(newCaller.get());
    ResetResult result = again.hotReset(newCaller.get(), natural.request());
    if (!result.succeeded()) {
      refused.add(new Refused(c.title(), c.edit(), "the reset still fails: " + result.retLabel()));
      return;
    }
    remedies.add(
        new Remedy(c.title(), c.edit(), cost(after, caller.holder()), after, natural, result));
  }

  /**
   * The caller after an edit: the same fd when it still opens the device, else the holder's fd that
   * does (an edit may reopen the device, as binding a cdev does).
   */
  static Optional<FdRef> callerAfter(Topology after, FdRef caller, Bdf device) {
    if (after.file(caller).flatMap(OpenFile::openedDevice).equals(Optional.of(device))) {
      return Optional.of(caller);
    }
    return after
        .holder(caller.holder())
        .flatMap(
            h ->
                h.files().stream()
                    .filter(f -> f.openedDevice().equals(Optional.of(device)))
                    .findFirst())
        .map(f -> new FdRef(caller.holder(), f.fd()));
  }

  /**
   * The functions in {@code device}'s reset scope that can never be in its dev_set: bridges, vfio
   * devices of another dev_set, and every other function when the device's dev_set is its own (a VF
   * or a root-bus function).
   */
  public static List<Bdf> outsideDevSet(Analysis analysis, Bdf device) {
    Optional<org.vfioworkbench.engine.DevSet> own = analysis.devSet(device);
    boolean singleton =
        own.map(d -> d.key().kind() == org.vfioworkbench.engine.DevSet.KeyKind.SINGLETON)
            .orElse(false);
    List<Bdf> scope = analysis.scope(device).scope().map(ResetScope::functions).orElse(List.of());
    return scope.stream()
        .filter(f -> !f.equals(device))
        .filter(
            f -> {
              PciFunction fn = analysis.topology().function(f).orElseThrow();
              return singleton
                  || fn.isBridge()
                  || fn.driver().isVfio() && !analysis.devSet(f).equals(own);
            })
        .toList();
  }

  /** What the change takes from whom: functions leaving processes, drivers, processes ending. */
  private List<String> cost(Topology after, String me) {
    List<String> out = new ArrayList<>();
    for (Holder h : topology.holders()) {
      Optional<Holder> now = after.holder(h.name());
      if (now.isEmpty()) {
        out.add(HolderInfo.of(h).describe() + " ends, with everything it holds");
        continue;
      }
      if (h.name().equals(me)) {
        continue;
      }
      Set<Bdf> before = devicesOf(h);
      before.removeAll(devicesOf(now.get()));
      for (Bdf f : before) {
        out.add(f + " is taken from " + HolderInfo.of(h).describe());
      }
    }
    for (PciFunction f : topology.functions()) {
      Driver was = f.driver();
      Driver is = after.function(f.bdf()).map(PciFunction::driver).orElse(was);
      if (!was.equals(is)) {
        out.add(
            f.bdf()
                + " leaves "
                + was.label()
                + (was.claimsDmaOwnership() ? " (the host loses it)" : "")
                + " for "
                + is.label());
      }
    }
    return out;
  }

  /**
   * How much a change takes, for ranking: ending a process weighs most, then taking a function from
   * the host's own driver, then taking one from another process, then rebinding an idle function.
   */
  private int weight(Topology after) {
    int w = 0;
    for (Holder h : topology.holders()) {
      Optional<Holder> now = after.holder(h.name());
      if (now.isEmpty()) {
        w += 10 + devicesOf(h).size();
      } else {
        Set<Bdf> lost = devicesOf(h);
        lost.removeAll(devicesOf(now.get()));
        w += 2 * lost.size();
      }
    }
    for (PciFunction f : topology.functions()) {
      Driver is = after.function(f.bdf()).map(PciFunction::driver).orElse(f.driver());
      if (!is.equals(f.driver())) {
        w += f.driver().claimsDmaOwnership() ? 3 : 1;
      }
    }
    return w;
  }

  private static Set<Bdf> devicesOf(Holder h) {
    Set<Bdf> out = new LinkedHashSet<>();
    h.files().forEach(f -> f.openedDevice().ifPresent(out::add));
    return out;
  }

  // ---------------------------------------------------------------- no remedy

  private NoRemedy noRemedy(Bdf device) {
    ScopeDecision decision = analysis.scope(device);
    if (decision.scope().isEmpty()) {
      String last =
          decision.steps().isEmpty()
              ? ""
              : ": " + decision.steps().get(decision.steps().size() - 1).fact();
      return new NoRemedy(
          NoRemedy.Kind.NO_RESET_SCOPE,
          "no slot or bus reset reaches " + device + last,
          List.of(device));
    }
    List<Bdf> scope = decision.scope().get().functions();
    List<Bdf> groupless =
        scope.stream()
            .filter(f -> topology.function(f).map(x -> x.iommuGroup().isEmpty()).orElse(false))
            .toList();
    if (!groupless.isEmpty()) {
      return new NoRemedy(
          NoRemedy.Kind.FUNCTION_WITHOUT_GROUP,
          groupless + " in the reset scope of " + device + " has no IOMMU group",
          groupless);
    }
    List<Bdf> outside = outsideDevSet(analysis, device);
    if (!outside.isEmpty()) {
      return new NoRemedy(
          NoRemedy.Kind.OUTSIDE_DEV_SET,
          "the reset of "
              + device
              + " reaches "
              + outside
              + ", which are not in its dev_set (a bridge, or a device of another dev_set), so"
              + " the kernel refuses it whoever holds what",
          outside);
    }
    List<Bdf> transientOnes =
        scope.stream()
            .filter(f -> topology.function(f).map(x -> !x.conditions().isEmpty()).orElse(false))
            .toList();
    if (!transientOnes.isEmpty()) {
      return new NoRemedy(
          NoRemedy.Kind.TRANSIENT,
          "a passing condition on " + transientOnes + " makes the reset fail now; retry",
          transientOnes);
    }
    List<Bdf> pfs =
        scope.stream()
            .filter(f -> topology.function(f).map(x -> !x.driver().isVfio()).orElse(false))
            .filter(topology::hasVirtfns)
            .toList();
    if (!pfs.isEmpty()) {
      return new NoRemedy(
          NoRemedy.Kind.PF_WITH_VFS,
          "the reset of "
              + device
              + " reaches "
              + pfs
              + ", the PF of SR-IOV VFs: vfio-pci refuses"
              + " to bind a PF while its VFs exist (-EBUSY), so it can never join the dev_set",
          pfs);
    }
    return new NoRemedy(
        NoRemedy.Kind.NONE_FOUND,
        "none of the edits tried makes the reset of " + device + " succeed",
        List.of(device));
  }
}
