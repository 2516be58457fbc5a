package org.vfioworkbench.ui.docking;

/**
 * The window's splits as proportions of the whole: where the left and right regions end and begin
 * across the width, where the bottom row begins, and where the bottom row's two regions meet. The
 * graph keeps at least {@link #MIN_GRAPH} of the width whatever a saved layout says.
 *
 * @param left the right edge of the left region (0..1 of the width)
 * @param right the left edge of the right region
 * @param top the bottom edge of the top row (0..1 of the height)
 * @param bottomSplit where the bottom row's two regions meet
 */
public record SplitRatios(double left, double right, double top, double bottomSplit) {

  /** The graph's least share of the width. */
  public static final double MIN_GRAPH = 0.55;

  /** The first-start layout: the graph gets 63 % of the width. */
  public static final SplitRatios DEFAULTS = new SplitRatios(0.15, 0.78, 0.60, 0.46);

  public SplitRatios {
    left = clamp(left, 0.05, 0.30);
    right = clamp(right, 0.65, 0.95);
    if (right - left < MIN_GRAPH) {
      double mid = (left + right) / 2;
      left = Math.max(0.05, mid - MIN_GRAPH / 2);
      right = Math.min(0.95, left + MIN_GRAPH);
      left = right - MIN_GRAPH;
    }
    top = clamp(top, 0.30, 0.85);
    bottomSplit = clamp(bottomSplit, 0.15, 0.85);
  }

  /** From saved dividers {left, right, top, bottomSplit}; defaults for anything missing or NaN. */
  public static SplitRatios of(double[] d) {
    if (d == null || d.length < 4) {
      return DEFAULTS;
    }
    for (double x : d) {
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        return DEFAULTS;
      }
    }
    return new SplitRatios(d[0], d[1], d[2], d[3]);
  }

  public double[] toArray() {
    return new double[] {left, right, top, bottomSplit};
  }

  /**
   * Divider positions for a split of which only the {@code present} regions are shown: each shown
   * region but the last ends where it ends in the full split ({@code ends}, one per region but the
   * last), so a missing region's space goes to its neighbours.
   */
  double[] dividers(boolean[] present, double... ends) {
    double[] all = new double[present.length];
    System.arraycopy(ends, 0, all, 0, present.length - 1);
    all[present.length - 1] = 1;
    int shown = 0;
    for (boolean p : present) {
      shown += p ? 1 : 0;
    }
    double[] out = new double[Math.max(0, shown - 1)];
    int k = 0;
    for (int i = 0; i < present.length && k < out.length; i++) {
      if (present[i]) {
        out[k++] = all[i];
      }
    }
    return out;
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
