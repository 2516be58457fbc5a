package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableProperty;
import javafx.scene.shape.Rectangle;

/**
 * One leg of an fd edge's orthogonal route, drawn as a filled strip along it rather than a stroked
 * line: the software pipeline fills an axis-aligned rectangle of a plain colour directly, where a
 * stroke goes through the path rasteriser (measured here on 5,000 and 20,000 legs: a tenth of the
 * painting time). Its thickness is styled, {@code -vw-leg-width} (in pixels), and the strip runs
 * half of it past each end, as a square line cap would, so that the legs of a route meet at its
 * corners. A vertical leg has the pseudo-class {@code :vertical} (a dashed style's gradient runs
 * along the leg).
 *
 * <p>A leg is filled only, never stroked: a faded node with both would be painted offscreen.
 */
public final class EdgeLeg extends Rectangle {

  private static final PseudoClass VERTICAL = PseudoClass.getPseudoClass("vertical");

  private static final double DEFAULT_WIDTH = 1.8;

  private static final CssMetaData<EdgeLeg, Number> LEG_WIDTH =
      new CssMetaData<>("-vw-leg-width", StyleConverter.getSizeConverter(), DEFAULT_WIDTH) {
        @Override
        public boolean isSettable(EdgeLeg leg) {
          return !leg.legWidth.isBound();
        }

        @Override
        public StyleableProperty<Number> getStyleableProperty(EdgeLeg leg) {
          return leg.legWidth;
        }
      };

  private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

  static {
    List<CssMetaData<? extends Styleable, ?>> all =
        new ArrayList<>(Rectangle.getClassCssMetaData());
    all.add(LEG_WIDTH);
    CSS_META_DATA = Collections.unmodifiableList(all);
  }

  private final StyleableDoubleProperty legWidth =
      new SimpleStyleableDoubleProperty(LEG_WIDTH, this, "legWidth", DEFAULT_WIDTH) {
        @Override
        protected void invalidated() {
          place();
        }
      };

  private double startX;
  private double startY;
  private double endX;
  private double endY;

  /** A leg from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}); they share x or y. */
  public EdgeLeg(double x1, double y1, double x2, double y2) {
    moveTo(x1, y1, x2, y2);
  }

  /** Runs the leg from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}) instead. */
  public void moveTo(double x1, double y1, double x2, double y2) {
    startX = x1;
    startY = y1;
    endX = x2;
    endY = y2;
    pseudoClassStateChanged(VERTICAL, isVertical());
    place();
  }

  public double startX() {
    return startX;
  }

  public double startY() {
    return startY;
  }

  public double endX() {
    return endX;
  }

  public double endY() {
    return endY;
  }

  /** Whether the leg runs up or down (its ends share x and not y). */
  public boolean isVertical() {
    return startX == endX && startY != endY;
  }

  /** The leg's styled thickness in pixels. */
  public double legWidth() {
    return legWidth.get();
  }

  private void place() {
    double w = legWidth.get();
    double half = w / 2;
    setX(Math.min(startX, endX) - half);
    setY(Math.min(startY, endY) - half);
    setWidth(Math.abs(endX - startX) + w);
    setHeight(Math.abs(endY - startY) + w);
  }

  public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
    return CSS_META_DATA;
  }

  @Override
  public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
    return CSS_META_DATA;
  }
}
