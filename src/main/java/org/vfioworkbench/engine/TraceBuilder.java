package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.List;

/** Collects trace steps while a call is evaluated. */
final class TraceBuilder {

  private final List<TraceStep> steps = new ArrayList<>();

  TraceBuilder pass(String function, String fact) {
    steps.add(new TraceStep(function, fact, Verdict.PASS));
    return this;
  }

  TraceBuilder note(String function, String fact) {
    steps.add(new TraceStep(function, fact, Verdict.NOTE));
    return this;
  }

  TraceBuilder fail(String function, String fact, Errno errno) {
    steps.add(new TraceStep(function, fact + " → " + errno.negated(), Verdict.FAIL));
    return this;
  }

  TraceBuilder success(String function, String fact) {
    steps.add(new TraceStep(function, fact, Verdict.SUCCESS));
    return this;
  }

  TraceBuilder addAll(List<TraceStep> more) {
    steps.addAll(more);
    return this;
  }

  List<TraceStep> build() {
    return List.copyOf(steps);
  }
}
