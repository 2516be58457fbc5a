package org.vfioworkbench.ui.graph.skin;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoublePredicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;

/**
 * Draws graph texts at their size on screen. A text that follows the zoom is set in its graph size
 * times the zoom (rounded down to {@link #STEP_PX}) and scaled back by the exact inverse of the
 * zoom, so it takes the same place and shows at the same size as before, give or take half a pixel,
 * but its transform to the screen is a translation only.
 *
 * <p>Why: Prism's software pipeline draws a text from its glyph cache only under a translation;
 * under any other transform, such as the graph's zoom, it rasterises the outline of every glyph at
 * every paint ({@code SWGraphics.drawString}, {@code drawGlyph}). On the 2,000-function host's
 * overview the chips' and holders' glance words were a quarter of a whole repaint that way.
 *
 * <p>The transform is a translation only where the zoom times its inverse is exactly 1 in double
 * arithmetic. One zoom in twenty has no such inverse, so the view sets its zoom through {@link
 * #invertible}, at most one unit in the last place away. Under a scale applied above the graph (a
 * HiDPI screen's) a word is drawn as before, through its outlines. The font is bound, so CSS does
 * not set it; its face (family, weight) is the one the text had when it started following.
 */
public final class ScreenSizedText {

  /**
   * Screen font sizes are whole multiples of this (pixels), rounded down: a re-fit after an expand
   * changes the zoom by a few percent, and a word whose size on screen stays in the same step keeps
   * its font, so it is neither laid out again nor its glyphs rasterised into the cache at a new
   * size. A word shows at most this much smaller than its graph size times the zoom.
   */
  static final double STEP_PX = 0.5;

  private final ObservableDoubleValue zoom;
  private final DoubleBinding inverse;

  /** The screen font of each face and graph size followed, while some word uses it. */
  private final Map<Face, WeakReference<ObjectProperty<Font>>> screenFonts = new HashMap<>();

  /** Fonts made, by face and screen size (steps of {@link #STEP_PX}: a few dozen). */
  private final Map<Face, Font> made = new HashMap<>();

  /** A font's face ({@code Font.getName}, family and weight) at a size. */
  private record Face(String name, double size) {}

  /** Texts following {@code zoom}, the scale from graph units to screen pixels. */
  public ScreenSizedText(ObservableDoubleValue zoom) {
    this.zoom = zoom;
    this.inverse = Bindings.createDoubleBinding(() -> exactInverse(zoom.get()), zoom);
    zoom.addListener(o -> refit());
  }

  /**
   * From now on draws {@code t}, whose font size is in graph units, at its size on screen; its
   * position ({@code x}, {@code y}, top-left with {@code VPos.TOP}) stays in graph units.
   */
  public void follow(Text t) {
    Font graphFont = t.getFont();
    t.setStyle("");
    t.fontProperty().bind(screenFont(graphFont.getName(), graphFont.getSize()));
    Scale back = new Scale();
    back.pivotXProperty().bind(t.xProperty());
    back.pivotYProperty().bind(t.yProperty());
    back.xProperty().bind(inverse);
    back.yProperty().bind(inverse);
    t.getTransforms().add(back);
  }

  /** The screen font of {@code face} at {@code graphSize}, one property shared by its words. */
  private ObjectProperty<Font> screenFont(String face, double graphSize) {
    Face key = new Face(face, graphSize);
    WeakReference<ObjectProperty<Font>> known = screenFonts.get(key);
    ObjectProperty<Font> p = known == null ? null : known.get();
    if (p == null) {
      p = new SimpleObjectProperty<>(fontAt(face, graphSize));
      screenFonts.put(key, new WeakReference<>(p));
    }
    return p;
  }

  /**
   * Sets every followed font for the zoom now: only those whose step on screen changed get a new
   * font (a property set to the same font does not tell its words).
   */
  private void refit() {
    screenFonts
        .entrySet()
        .removeIf(
            e -> {
              ObjectProperty<Font> p = e.getValue().get();
              if (p == null) {
                return true;
              }
              Font now = fontAt(e.getKey().name(), e.getKey().size());
              if (now.getSize() != p.get().getSize()) {
                p.set(now);
              }
              return false;
            });
  }

  /**
   * {@code face} at {@code graphSize} times the zoom, rounded down to a {@link #STEP_PX} (a size a
   * hair under a step, from rounding, counts as the step).
   */
  private Font fontAt(String face, double graphSize) {
    double steps = Math.floor(graphSize * zoom.get() / STEP_PX + 1e-6);
    double px = Math.max(1, steps) * STEP_PX;
    return made.computeIfAbsent(new Face(face, px), k -> new Font(face, px));
  }

  /**
   * {@code z}, or the nearest number to it that has an exact inverse ({@link #exactInverse});
   * {@code z} when none is within 64 units in the last place (none such was found among a million
   * zooms).
   */
  public static double invertible(double z) {
    return nearest(z, 64, x -> x * exactInverse(x) == 1.0);
  }

  /**
   * A number that {@code z} times gives exactly 1 in double arithmetic: {@code 1 / z} or one of its
   * nearest neighbours; {@code 1 / z} when none does (or for no zoom at all).
   */
  static double exactInverse(double z) {
    double k = 1 / z;
    if (!(z > 0) || Double.isInfinite(k)) {
      return k;
    }
    return nearest(k, 4, x -> z * x == 1.0);
  }

  /**
   * {@code x} if it is {@code good}, else the nearest number to it that is, up to {@code ulps}
   * units in the last place either way; {@code x} when none is.
   */
  private static double nearest(double x, int ulps, DoublePredicate good) {
    if (good.test(x)) {
      return x;
    }
    double up = x;
    double down = x;
    for (int i = 0; i < ulps; i++) {
      up = Math.nextUp(up);
      down = Math.nextDown(down);
      if (good.test(up)) {
        return up;
      }
      if (good.test(down)) {
        return down;
      }
    }
    return x;
  }
}
