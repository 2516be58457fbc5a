package org.vfioworkbench.ui.graph.skin;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;

/**
 * Draws graph texts at their size on screen. A text that follows the zoom is set in its graph size
 * times the zoom and scaled back by the exact inverse of the zoom, so it takes the same place and
 * shows at the same size as before, but its transform to the screen is a translation only.
 *
 * <p>Why: Prism's software pipeline draws a text from its glyph cache only under a translation;
 * under any other transform, such as the graph's zoom, it rasterises the outline of every glyph at
 * every paint ({@code SWGraphics.drawString}, {@code drawGlyph}). On the 2,000-function host's
 * overview the chips' and holders' glance words were a quarter of a whole repaint that way.
 *
 * <p>Only where the zoom times its inverse is exactly 1 in double arithmetic (almost every zoom) is
 * the transform a translation; elsewhere the text is drawn as before, through its outlines. A scale
 * applied above the graph (a HiDPI screen's) does the same. The font is bound, so CSS does not set
 * it; its face (family, weight) is the one the text had when it started following.
 */
public final class ScreenSizedText {

  private final ObservableDoubleValue zoom;
  private final DoubleBinding inverse;
  private final java.util.Map<String, Font> fonts = new java.util.HashMap<>();

  /** Texts following {@code zoom}, the scale from graph units to screen pixels. */
  public ScreenSizedText(ObservableDoubleValue zoom) {
    this.zoom = zoom;
    this.inverse = Bindings.createDoubleBinding(() -> exactInverse(zoom.get()), zoom);
  }

  /**
   * From now on draws {@code t}, whose font size is in graph units, at its size on screen; its
   * position ({@code x}, {@code y}, top-left with {@code VPos.TOP}) stays in graph units.
   */
  public void follow(Text t) {
    Font graphFont = t.getFont();
    String face = graphFont.getName();
    double size = graphFont.getSize();
    t.setStyle("");
    t.fontProperty().bind(Bindings.createObjectBinding(() -> font(face, size * zoom.get()), zoom));
    Scale back = new Scale();
    back.pivotXProperty().bind(t.xProperty());
    back.pivotYProperty().bind(t.yProperty());
    back.xProperty().bind(inverse);
    back.yProperty().bind(inverse);
    t.getTransforms().add(back);
  }

  /**
   * The font {@code face} at {@code size}: made once per zoom for all the words of one face and
   * size (a zoom changes every glance word's font, and most share a few sizes).
   */
  private Font font(String face, double size) {
    if (fonts.size() > 64) {
      fonts.clear();
    }
    return fonts.computeIfAbsent(face + "\u0000" + size, k -> new Font(face, size));
  }

  /**
   * {@code z}, or the nearest number to it that has an exact inverse ({@link #exactInverse});
   * {@code z} when none is within 64 units in the last place (none such was found among a million
   * zooms).
   */
  public static double invertible(double z) {
    if (hasExactInverse(z)) {
      return z;
    }
    double up = z;
    double down = z;
    for (int i = 0; i < 64; i++) {
      up = Math.nextUp(up);
      down = Math.nextDown(down);
      if (hasExactInverse(up)) {
        return up;
      }
      if (hasExactInverse(down)) {
        return down;
      }
    }
    return z;
  }

  private static boolean hasExactInverse(double z) {
    return z * exactInverse(z) == 1.0;
  }

  /**
   * A number that {@code z} times gives exactly 1 in double arithmetic: {@code 1 / z} or one of its
   * nearest neighbours; {@code 1 / z} when none does (or for no zoom at all).
   */
  static double exactInverse(double z) {
    double k = 1 / z;
    if (!(z > 0) || Double.isInfinite(k) || z * k == 1.0) {
      return k;
    }
    double up = k;
    double down = k;
    for (int i = 0; i < 4; i++) {
      up = Math.nextUp(up);
      down = Math.nextDown(down);
      if (z * up == 1.0) {
        return up;
      }
      if (z * down == 1.0) {
        return down;
      }
    }
    return k;
  }
}
