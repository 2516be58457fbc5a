package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects trace steps while a call is evaluated. A step's words can be given as a {@link
 * Supplier}: they are then written only when someone reads the trace ({@link LazyTrace}), which is
 * what keeps a whole-host evaluation from spending its time on text nobody looks at.
 */
final class TraceBuilder {

  private final List<LazyTrace.Step> steps = new ArrayList<>();

  TraceBuilder pass(String function, String fact) {
    steps.add(LazyTrace.Step.of(new TraceStep(function, fact, Verdict.PASS)));
    return this;
  }

  TraceBuilder pass(String function, Supplier<String> fact) {
    steps.add(new LazyTrace.Step(function, fact, Verdict.PASS, null));
    return this;
  }

  TraceBuilder note(String function, String fact) {
    steps.add(LazyTrace.Step.of(new TraceStep(function, fact, Verdict.NOTE)));
    return this;
  }

  TraceBuilder note(String function, Supplier<String> fact) {
    steps.add(new LazyTrace.Step(function, fact, Verdict.NOTE, null));
    return this;
  }

  TraceBuilder fail(String function, String fact, Errno errno) {
    steps.add(
        LazyTrace.Step.of(new TraceStep(function, fact + " → " + errno.negated(), Verdict.FAIL)));
    return this;
  }

  TraceBuilder fail(String function, Supplier<String> fact, Errno errno) {
    steps.add(new LazyTrace.Step(function, fact, Verdict.FAIL, errno));
    return this;
  }

  TraceBuilder success(String function, String fact) {
    steps.add(LazyTrace.Step.of(new TraceStep(function, fact, Verdict.SUCCESS)));
    return this;
  }

  TraceBuilder success(String function, Supplier<String> fact) {
    steps.add(new LazyTrace.Step(function, fact, Verdict.SUCCESS, null));
    return this;
  }

  TraceBuilder addAll(List<TraceStep> more) {
    if (more instanceof LazyTrace lazy) {
      steps.addAll(lazy.steps());
    } else {
      more.forEach(s -> steps.add(LazyTrace.Step.of(s)));
    }
    return this;
  }

  List<TraceStep> build() {
    return new LazyTrace(steps);
  }
}
