package org.vfioworkbench.ui.graph;

/**
 * A conservative estimate of how wide the graph's captions are drawn, so the layout can place and
 * clip them without a scene (a test checks the estimate against the real font).
 */
final class TextMetrics {

  /** Caption height (11.5 px text plus leading). */
  static final double LINE_H = 15;

  /** Average advance per character of 11.5 px DejaVu Sans, bold or italic, with some spare. */
  static final double CHAR_W = 7.4;

  private TextMetrics() {}

  static double width(String s) {
    return s.length() * CHAR_W;
  }

  /** {@code s}, shortened with an ellipsis so it is at most {@code maxW} wide. */
  static String clip(String s, double maxW) {
    if (width(s) <= maxW) {
      return s;
    }
    int max = (int) Math.floor(maxW / CHAR_W);
    if (s.length() <= max) {
      return s;
    }
    return max <= 1 ? "" : s.substring(0, max - 1) + "\u2026";
  }
}
