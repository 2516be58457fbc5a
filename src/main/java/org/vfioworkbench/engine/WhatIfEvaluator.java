package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.Topology;

/**
 * Evaluates reset variants, including hypothetical ones that need the caller's holder to open more
 * groups first: those opens go through {@link KernelCalls} (a refused open decides the result, with
 * the open's errno), then HOT_RESET runs on the state the opens reach. Each open is checked against
 * the files that can decide it, and the state it reaches is derived from this analysis's ({@link
 * Analysis#after}), so a variant costs what its opens touch, not what the host holds.
 */
final class WhatIfEvaluator {

  private final HotResetSimulator sim;

  WhatIfEvaluator(HotResetSimulator sim) {
    this.sim = sim;
  }

  ResetResult evaluate(FdRef caller, ResetVariant variant) {
    if (!variant.isHypothetical()) {
      return sim.hotReset(caller, variant.request());
    }
    TraceBuilder pre = new TraceBuilder();
    Topology t = sim.topology();
    List<Integer> fds = new ArrayList<>(variant.request().fds());
    for (int group : variant.groupsToOpen()) {
      Optional<Holder> holder = t.holder(caller.holder());
      if (holder.isEmpty()) {
        return sim.hotReset(caller, variant.request());
      }
      int fd = holder.get().nextFreeFd();
      Attempt open =
          KernelCalls.openAsIs(t, sim.profile(), caller.holder(), GroupFile.detached(fd, group));
      if (open.refusal().isPresent()) {
        Refusal r = open.refusal().get();
        pre.fail(
            r.call(),
            "first " + caller.holder() + " must open group " + group + ": " + r.reason(),
            r.errno());
        return ResetResult.failure(r.errno(), pre.build());
      }
      pre.note(
          open.steps().isEmpty() ? "open" : "open(/dev/vfio/" + group + ")",
          "what if: " + caller.holder() + " opens group " + group + " as fd " + fd);
      t = open.orElseThrow();
      fds.add(fd);
    }
    ResetResult r = sim.after(t).hotReset(caller, ResetRequest.of(fds));
    return new ResetResult(r.ret(), r.errno(), r.reset(), pre.addAll(r.trace()).build());
  }
}
