package org.vfioworkbench.ui.graph.skin;

import java.util.Arrays;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Text;

/**
 * The graph's readable-size floor: a caption whose text would show smaller than {@link #FLOOR_PX}
 * on screen (its CSS font size times the zoom) is not drawn; what it says stays in the tooltip of
 * the element it captions and in the Properties and Explorer. Each caption class has one zoom below
 * which it hides, so the view only walks its skins when the zoom crosses one of those few
 * thresholds ({@link #band}), never per scroll tick, and no CSS is re-applied (visibility is set
 * directly, not through a style class).
 */
public final class CaptionFloor {

  /**
   * The smallest text the graph draws, in screen pixels: the seed sample at 1366×768 draws its lane
   * titles, fd labels and "group 20" captions at 6.1–6.7 px and they read in DejaVu Sans; at the
   * 4–5 px of a 2,000-function host's overview they are smudges.
   */
  public static final double FLOOR_PX = 6;

  /** The font size (px) workbench.css gives each caption class of the graph. */
  private static final Map<String, Double> CSS_SIZE =
      Map.ofEntries(
          Map.entry("complex-label", 13.0),
          Map.entry("bus-label", 11.5),
          Map.entry("hull-label", 11.0),
          Map.entry("scope-label", 11.5),
          Map.entry("unowned-label", 12.0),
          Map.entry("holder-title", 13.0),
          Map.entry("lane-title", 11.0),
          Map.entry("fd-num", 11.0),
          Map.entry("fd-text", 11.0),
          Map.entry("fn-bdf", 13.0),
          Map.entry("fn-name", 11.5),
          Map.entry("fn-group", 10.5),
          Map.entry("driver-badge-text", 10.0),
          Map.entry("expander-text", 13.0));

  /** The zooms at which some caption class appears or hides, ascending. */
  private static final double[] THRESHOLDS =
      CSS_SIZE.values().stream().mapToDouble(s -> FLOOR_PX / s).distinct().sorted().toArray();

  private CaptionFloor() {}

  /** The CSS font size of a caption class, or 0 for a class that is no caption. */
  public static double cssSize(String styleClass) {
    return CSS_SIZE.getOrDefault(styleClass, 0.0);
  }

  /** The caption classes the floor governs. */
  public static java.util.Set<String> captionClasses() {
    return CSS_SIZE.keySet();
  }

  /** The font size a caption node is drawn with in graph units, or 0 when it is no caption. */
  static double size(Text t) {
    double size = 0;
    for (String c : t.getStyleClass()) {
      size = Math.max(size, cssSize(c));
    }
    return size;
  }

  /**
   * Which side of every threshold {@code zoom} is on, as a number: the captions shown change only
   * when this does.
   */
  public static int band(double zoom) {
    int i = Arrays.binarySearch(THRESHOLDS, zoom);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Whether a caption of {@code cssSize} px shows at {@code zoom}. */
  public static boolean readable(double cssSize, double zoom) {
    return cssSize * zoom >= FLOOR_PX - 1e-9;
  }

  /**
   * Shows the captions under {@code root} that are readable at {@code zoom} and hides the others;
   * touches only those whose visibility changes.
   */
  public static void apply(Node root, double zoom) {
    if (root instanceof Text t) {
      double size = size(t);
      if (size > 0) {
        boolean show = readable(size, zoom);
        if (t.isVisible() != show) {
          t.setVisible(show);
        }
      }
    } else if (root instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        apply(c, zoom);
      }
    }
  }
}
