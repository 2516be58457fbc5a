package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;

/**
 * The fill of an {@link EdgeLeg}: its colour, or for a dashed leg a repeating image of a dash and
 * its gap laid along the leg. Patterns are made once per colour, dash pattern and direction (a
 * handful per theme) and shared by every leg that looks alike.
 *
 * <p>The image is square, one period each way, for both directions: the software pipeline copies a
 * pattern into one texture it keeps, and makes that texture anew whenever a pattern is wider or
 * taller than it; with a 9 × 1 image across and a 1 × 9 one down, that was at almost every other
 * leg.
 */
final class LegPaints {

  /** A colour, the lengths of its dashes and gaps in turn (an even number), a direction. */
  private record Key(Color color, List<Integer> lengths, boolean vertical) {}

  private static final Map<Key, ImagePattern> PATTERNS = new ConcurrentHashMap<>();

  /** A dashed leg's colour at its dashes' share, per colour and dash pattern (merged dashes). */
  private static final Map<Key, Color> MERGED = new ConcurrentHashMap<>();

  private LegPaints() {}

  /**
   * The fill for a leg of {@code color} with {@code dashes} (dash and gap lengths in pixels, as a
   * stroke's dash array: an odd number of lengths is repeated; empty: solid) running down ({@code
   * vertical}) or across. Lengths are rounded to whole pixels, at least one. A paint that is not a
   * plain colour is used as it is.
   */
  static Paint of(Paint color, Number[] dashes, boolean vertical) {
    return of(color, dashes, vertical, false);
  }

  /**
   * As {@link #of(Paint, Number[], boolean)}; with {@code merged}, a dashed leg is filled with its
   * colour at its dashes' share of the pattern's length instead (dashes 5 4: five ninths of its
   * opacity): what a dash pattern averages to where a dash is under a pixel on screen, drawn as a
   * plain colour rather than a pattern shrunk into dots.
   */
  static Paint of(Paint color, Number[] dashes, boolean vertical, boolean merged) {
    if (dashes.length == 0 || !(color instanceof Color c)) {
      return color;
    }
    List<Integer> lengths = lengths(dashes);
    if (merged) {
      return MERGED.computeIfAbsent(new Key(c, lengths, false), LegPaints::average);
    }
    return PATTERNS.computeIfAbsent(new Key(c, lengths, vertical), LegPaints::pattern);
  }

  /**
   * The share of a leg's length its dashes cover, as drawn (lengths rounded as {@link #of} rounds
   * them): 1 for a solid leg, 5/9 for dashes 5 4.
   */
  static double dashShare(Number[] dashes) {
    return dashes.length == 0 ? 1 : share(lengths(dashes));
  }

  /** The dash and gap lengths in turn, whole pixels, at least one each; an odd list repeated. */
  private static List<Integer> lengths(Number[] dashes) {
    List<Integer> lengths = new ArrayList<>();
    for (int round = 0; round < (dashes.length % 2 == 0 ? 1 : 2); round++) {
      for (Number d : dashes) {
        lengths.add(Math.max(1, (int) Math.round(d.doubleValue())));
      }
    }
    return List.copyOf(lengths);
  }

  private static double share(List<Integer> lengths) {
    int on = 0;
    int all = 0;
    for (int i = 0; i < lengths.size(); i++) {
      all += lengths.get(i);
      on += i % 2 == 0 ? lengths.get(i) : 0;
    }
    return (double) on / all;
  }

  private static Color average(Key k) {
    Color c = k.color();
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * share(k.lengths()));
  }

  private static ImagePattern pattern(Key k) {
    int period = k.lengths().stream().mapToInt(Integer::intValue).sum();
    WritableImage tile = new WritableImage(period, period);
    PixelWriter w = tile.getPixelWriter();
    int at = 0;
    for (int i = 0; i < k.lengths().size(); i++) {
      Color c = i % 2 == 0 ? k.color() : Color.TRANSPARENT;
      for (int end = at + k.lengths().get(i); at < end; at++) {
        for (int across = 0; across < period; across++) {
          if (k.vertical()) {
            w.setColor(across, at, c);
          } else {
            w.setColor(at, across, c);
          }
        }
      }
    }
    return new ImagePattern(tile, 0, 0, period, period, false);
  }

  /** How many patterns have been made (for tests). */
  static int made() {
    return PATTERNS.size();
  }
}
