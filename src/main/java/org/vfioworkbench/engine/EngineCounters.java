package org.vfioworkbench.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of the engine's incremental work, for tests that assert a hot path does not grow with the
 * host: off unless a test turns it on for its own thread, and then one array increment per event.
 */
final class EngineCounters {

  /** What is counted. */
  enum Event {
    /** A holder's file replayed into VFIO's state (devices, group opens, iommufd bindings). */
    FILE_REPLAYED,
    /** A holder whose file list was compared with its previous version. */
    HOLDER_DIFFED,
    /** A device fd looked at while finding the fds an ownership change can affect. */
    FD_CONSIDERED,
    /** A function looked at as a possible caller whose reset scope holds a changed function. */
    CALLER_CANDIDATE,
    /** A file checked against the open rules (an edit's new file, or one replayed before it). */
    OPEN_CHECKED,
    /**
     * A holder whose files an edit looked through (to pin devids, or to find who holds a device).
     */
    HOLDER_VISITED,
    /** A device fd's verdict worked out (not carried over from the analysis before an edit). */
    VERDICT_WORKED_OUT
  }

  private static volatile boolean anyEnabled;
  private static final ThreadLocal<long[]> COUNTS = new ThreadLocal<>();

  private EngineCounters() {}

  /** Starts counting, from zero, on this thread. */
  static void start() {
    COUNTS.set(new long[Event.values().length]);
    anyEnabled = true;
  }

  /** Stops counting on this thread and returns the counts. */
  static Map<Event, Long> stop() {
    long[] c = COUNTS.get();
    COUNTS.remove();
    Map<Event, Long> out = new EnumMap<>(Event.class);
    for (Event e : Event.values()) {
      out.put(e, c == null ? 0L : c[e.ordinal()]);
    }
    return out;
  }

  static void count(Event e) {
    if (anyEnabled) {
      long[] c = COUNTS.get();
      if (c != null) {
        c[e.ordinal()]++;
      }
    }
  }
}
