package org.vfioworkbench.engine;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of the kernel's "slot, else bus, else nothing" probe for one function, with the probe
 * steps that led to it.
 */
public record ScopeDecision(Optional<ResetScope> scope, List<TraceStep> steps) {

  public ScopeDecision {
    steps = LazyTrace.freeze(steps);
  }

  public boolean isResettable() {
    return scope.isPresent();
  }
}
