package org.vfioworkbench.ui.problems;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DevSet;
import org.vfioworkbench.engine.DeviceState;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetScope;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.ScopeDecision;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * Lists problems from an analysis: it reads the engine's facts (viability, scopes, dev-sets,
 * simulated resets) and names the element to blame. Pure.
 */
public final class ProblemFinder {

  private ProblemFinder() {}

  public static List<Problem> find(Analysis a) {
    List<Problem> out = new ArrayList<>();
    nonViableGroups(a, out);
    neverResettable(a, out);
    ownershipConflicts(a, out);
    return out;
  }

  private static void nonViableGroups(Analysis a, List<Problem> out) {
    for (int g : a.pci().populatedGroups()) {
      if (a.viable(g) || !a.vfioGroupExists(g)) {
        continue;
      }
      for (Bdf b : a.pci().groupMembers(g)) {
        PciFunction f = a.pci().require(b);
        if (f.driver().claimsDmaOwnership()) {
          out.add(new Problem(Problem.Kind.NON_VIABLE_GROUP,
              "group " + g + " is not viable: " + Labels.shortBdf(b) + " " + Labels.deviceName(f)
                  + " is bound to " + f.driver().label() + ", which claims the group's DMA",
              new ElementRef.FunctionRef(b)));
        }
      }
    }
  }

  private static void neverResettable(Analysis a, List<Problem> out) {
    Set<String> reported = new LinkedHashSet<>();
    for (Bdf b : a.devices().keySet()) {
      ScopeDecision d = a.scope(b);
      if (d.scope().isEmpty()) {
        String why = d.steps().isEmpty() ? "no slot or bus reset" : d.steps().get(d.steps().size() - 1).fact();
        out.add(new Problem(Problem.Kind.NEVER_RESETTABLE,
            Labels.shortBdf(b) + " can never be hot-reset (-ENODEV): " + why,
            new ElementRef.FunctionRef(b)));
        continue;
      }
      ResetScope s = d.scope().get();
      Optional<DevSet> set = a.devSet(b);
      for (Bdf other : s.functions()) {
        if (set.map(x -> x.contains(other)).orElse(false)) {
          continue;
        }
        String key = s.describe() + "/" + other;
        if (reported.add(key)) {
          PciFunction f = a.pci().require(other);
          out.add(new Problem(Problem.Kind.NEVER_RESETTABLE,
              "devices on " + s.describe() + " can never be hot-reset: " + Labels.shortBdf(other)
                  + " (" + f.driver().label() + ") is in the reset scope but not in the dev-set",
              new ElementRef.FunctionRef(other)));
        }
      }
    }
  }

  private static void ownershipConflicts(Analysis a, List<Problem> out) {
    for (Map.Entry<Bdf, DeviceState> e : a.devices().entrySet()) {
      DeviceState d = e.getValue();
      if (!d.isOpen() || !a.scope(e.getKey()).isResettable() || !scopeInDevSet(a, e.getKey())) {
        continue;
      }
      FdRef fd = d.cdevFd().orElseGet(() -> d.groupFds().get(0));
      boolean anyPasses = false;
      ResetResult natural = null;
      String remedy = "";
      for (ResetVariant v : a.variants(fd)) {
        ResetResult r = a.evaluate(fd, v);
        if (natural == null) {
          natural = r;
        }
        if (v.isHypothetical()) {
          remedy = r.succeeded() ? "; it would succeed after opening groups " + v.groupsToOpen() : remedy;
        } else {
          anyPasses |= r.succeeded();
        }
      }
      if (!anyPasses && natural != null) {
        TraceStep last = natural.trace().get(natural.trace().size() - 1);
        out.add(new Problem(Problem.Kind.OWNERSHIP_CONFLICT,
            fd.holder() + " cannot hot-reset " + Labels.shortBdf(e.getKey()) + " with the fds it holds ("
                + natural.retLabel() + ": " + last.fact() + ")" + remedy,
            new ElementRef.FileRef(fd)));
      }
    }
  }

  private static boolean scopeInDevSet(Analysis a, Bdf b) {
    Optional<DevSet> set = a.devSet(b);
    return a.scope(b).scope().map(s -> s.functions().stream()
        .allMatch(f -> set.map(x -> x.contains(f)).orElse(false))).orElse(false);
  }
}
