package org.vfioworkbench.ui.graph;

import java.util.Optional;

/**
 * One axis of the graph view's scroll bars ({@link ViewportBars}): where the thumb stands on its
 * track for the part of the graph in view, and how far a pixel of thumb moves the view. The
 * scrolled extent is the graph's, widened by the view where the view stands beyond it. Pure.
 *
 * @param thumbStart where the thumb begins, in pixels from the track's start
 * @param thumbLength the thumb's length in pixels
 * @param graphPerPixel how many graph units the view moves for one pixel the thumb moves
 */
record ScrollSpan(double thumbStart, double thumbLength, double graphPerPixel) {

  /** The shortest thumb, in pixels: something to take hold of on a very tall graph. */
  static final double MIN_THUMB = 24;

  /**
   * The thumb for a view showing {@code viewStart} to {@code viewStart + viewLength} (graph units)
   * of a graph from {@code graphStart} to {@code graphEnd}, on a track {@code track} pixels long;
   * none when the view shows the whole graph along this axis.
   */
  static Optional<ScrollSpan> of(
      double viewStart, double viewLength, double graphStart, double graphEnd, double track) {
    double viewEnd = viewStart + viewLength;
    if (track <= 0 || viewLength <= 0 || viewStart <= graphStart && viewEnd >= graphEnd) {
      return Optional.empty();
    }
    double lo = Math.min(viewStart, graphStart);
    double total = Math.max(viewEnd, graphEnd) - lo;
    double length = Math.min(track, Math.max(MIN_THUMB, track * viewLength / total));
    double free = track - length;
    double room = total - viewLength;
    double start = room <= 0 ? 0 : free * (viewStart - lo) / room;
    return Optional.of(new ScrollSpan(start, length, free <= 0 ? 0 : room / free));
  }

  /** Where the thumb ends, in pixels from the track's start. */
  double thumbEnd() {
    return thumbStart + thumbLength;
  }
}
