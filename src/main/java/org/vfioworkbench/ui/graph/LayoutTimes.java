package org.vfioworkbench.ui.graph;

import java.util.Arrays;

/**
 * How long the next layout of the shown host is expected to take, from the last few made of it: the
 * quickest of them per function drawn, scaled to the functions the next one draws.
 *
 * <p>The quickest, not the last: a layout's wall-clock time grows with whatever else the two cores
 * do at the time, never shrinks. Measured on the 10,000-function host, the same overview layouts
 * took 4-6 ms on the FX thread and 15-16 ms in the background beside the FX and render threads;
 * with the last time as the guess, one layout slowed past the bound sent the next one to the
 * background, which was slow there in turn, and 25 expands and collapses in a row waited for the
 * background before one came back under it. A host whose layouts really grow slower still shows it:
 * once the last {@link #KEPT} are all slower, so is the guess.
 */
final class LayoutTimes {

  /** How many of the latest layouts are remembered. */
  static final int KEPT = 8;

  private final double[] nanosPerFunction = new double[KEPT];
  private int kept;
  private int next;

  /** Forgets every layout (another host is shown). */
  void clear() {
    kept = 0;
    next = 0;
  }

  /** Remembers a layout that took {@code nanos} and drew {@code functions} functions. */
  void add(long nanos, int functions) {
    if (functions <= 0 || nanos < 0) {
      return;
    }
    nanosPerFunction[next] = (double) nanos / functions;
    next = (next + 1) % KEPT;
    kept = Math.min(kept + 1, KEPT);
  }

  /**
   * The time a layout drawing {@code functions} functions is expected to take, or {@link
   * Long#MAX_VALUE} while no layout of this host is known.
   */
  long expected(int functions) {
    if (kept == 0) {
      return Long.MAX_VALUE;
    }
    double quickest = Arrays.stream(nanosPerFunction, 0, kept).min().orElseThrow();
    return (long) Math.ceil(quickest * functions);
  }
}
