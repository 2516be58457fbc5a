package org.vfioworkbench.engine;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An immutable list of trace steps whose words are written on first read: its size is known at
 * once, the text of every step is built (once, for all steps) when an element is first asked for.
 * The suppliers only read values that no longer change once the step is recorded.
 */
final class LazyTrace extends AbstractList<TraceStep> implements RandomAccess {

  /** One step: its words as a supplier, and for a failure the errno appended to them. */
  record Step(String function, Supplier<String> fact, Verdict verdict, Errno errno) {

    static Step of(TraceStep done) {
      return new Step(done.function(), done::fact, done.verdict(), null);
    }

    TraceStep write() {
      String words = fact.get();
      return new TraceStep(
          function, errno == null ? words : words + " → " + errno.negated(), verdict);
    }
  }

  private final List<Step> steps;
  private volatile List<TraceStep> written;

  LazyTrace(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** {@code trace} as an immutable list: the same instance when it is a lazy trace already. */
  static List<TraceStep> freeze(List<TraceStep> trace) {
    return trace instanceof LazyTrace ? trace : List.copyOf(trace);
  }

  List<Step> steps() {
    return steps;
  }

  @Override
  public TraceStep get(int index) {
    return written().get(index);
  }

  @Override
  public int size() {
    return steps.size();
  }

  private List<TraceStep> written() {
    List<TraceStep> w = written;
    if (w == null) {
      w = steps.stream().map(Step::write).toList();
      written = w;
    }
    return w;
  }
}
