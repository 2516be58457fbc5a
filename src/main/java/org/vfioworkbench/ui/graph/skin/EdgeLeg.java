package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableBooleanProperty;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableBooleanProperty;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.SizeConverter;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;

/**
 * One leg of an fd edge's orthogonal route, drawn as a filled strip along it rather than a stroked
 * line: the software pipeline fills an axis-aligned rectangle of a plain colour directly, where a
 * stroke goes through the path rasteriser (measured here on 5,000 and 20,000 legs: a tenth of the
 * painting time).
 *
 * <p>Styled by three properties of its own: {@code -vw-leg-width} (the thickness in pixels; the
 * strip runs half of it past each end, as a square line cap would, so that the legs of a route meet
 * at its corners), {@code -vw-leg-color} and {@code -vw-leg-dashes} (dash and gap lengths in
 * pixels, as {@code -fx-stroke-dash-array}; none: solid). A dashed leg is filled with a repeating
 * image of one dash and its gap ({@link LegPaints}), along the leg: a linear gradient with a repeat
 * cycle would draw the same, but the software pipeline builds a gradient's colour ramp at every
 * fill, which took most of a 10,000-function host's painting.
 *
 * <p>{@code -vw-leg-dashes-merged: true} draws a dashed leg as a plain strip at its dashes' share
 * of its colour ({@link LegPaints#of(Paint, Number[], boolean, boolean)}): the graph sets it where
 * it is zoomed out so far that a dash would be under a pixel, and the software pipeline fills a
 * plain colour directly where a pattern is sampled pixel by pixel.
 *
 * <p>A leg is filled only, never stroked: a faded node with both would be painted offscreen.
 */
public final class EdgeLeg extends Rectangle {

  private static final double DEFAULT_WIDTH = 1.8;

  private static final CssMetaData<EdgeLeg, Number> LEG_WIDTH =
      styleable("-vw-leg-width", StyleConverter.getSizeConverter(), DEFAULT_WIDTH, l -> l.legWidth);

  private static final CssMetaData<EdgeLeg, Paint> LEG_COLOR =
      styleable("-vw-leg-color", StyleConverter.getPaintConverter(), Color.BLACK, l -> l.legColor);

  private static final Number[] SOLID = new Number[0];

  private static final CssMetaData<EdgeLeg, Number[]> LEG_DASHES =
      styleable(
          "-vw-leg-dashes", SizeConverter.SequenceConverter.getInstance(), SOLID, l -> l.legDashes);

  private static final CssMetaData<EdgeLeg, Boolean> LEG_DASHES_MERGED =
      styleable(
          "-vw-leg-dashes-merged",
          StyleConverter.getBooleanConverter(),
          false,
          l -> l.legDashesMerged);

  /** A CSS property of a leg, held by the leg's {@code property}; settable unless bound. */
  private static <T> CssMetaData<EdgeLeg, T> styleable(
      String name,
      StyleConverter<?, T> converter,
      T initial,
      Function<EdgeLeg, StyleableProperty<T>> property) {
    return new CssMetaData<>(name, converter, initial) {
      @Override
      public boolean isSettable(EdgeLeg leg) {
        return !(property.apply(leg) instanceof Property<?> p && p.isBound());
      }

      @Override
      public StyleableProperty<T> getStyleableProperty(EdgeLeg leg) {
        return property.apply(leg);
      }
    };
  }

  private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

  static {
    List<CssMetaData<? extends Styleable, ?>> all =
        new ArrayList<>(Rectangle.getClassCssMetaData());
    all.add(LEG_WIDTH);
    all.add(LEG_COLOR);
    all.add(LEG_DASHES);
    all.add(LEG_DASHES_MERGED);
    CSS_META_DATA = Collections.unmodifiableList(all);
  }

  private final StyleableDoubleProperty legWidth =
      new SimpleStyleableDoubleProperty(LEG_WIDTH, this, "legWidth", DEFAULT_WIDTH) {
        @Override
        protected void invalidated() {
          place();
        }
      };

  private final StyleableObjectProperty<Paint> legColor =
      new SimpleStyleableObjectProperty<>(LEG_COLOR, this, "legColor", Color.BLACK) {
        @Override
        protected void invalidated() {
          paint();
        }
      };

  private final StyleableObjectProperty<Number[]> legDashes =
      new SimpleStyleableObjectProperty<>(LEG_DASHES, this, "legDashes", SOLID) {
        @Override
        protected void invalidated() {
          paint();
        }
      };

  private final StyleableBooleanProperty legDashesMerged =
      new SimpleStyleableBooleanProperty(LEG_DASHES_MERGED, this, "legDashesMerged", false) {
        @Override
        protected void invalidated() {
          paint();
        }
      };

  private boolean paintedVertical;
  private double startX;
  private double startY;
  private double endX;
  private double endY;

  /** A leg from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}); they share x or y. */
  public EdgeLeg(double x1, double y1, double x2, double y2) {
    moveTo(x1, y1, x2, y2);
    paint();
  }

  /** Runs the leg from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}) instead. */
  public void moveTo(double x1, double y1, double x2, double y2) {
    startX = x1;
    startY = y1;
    endX = x2;
    endY = y2;
    place();
    if (isVertical() != paintedVertical) {
      paint();
    }
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

  /** The leg's styled colour. */
  public Paint legColor() {
    return legColor.get();
  }

  /**
   * Whether the leg's dashes are drawn merged into a plain strip ({@code -vw-leg-dashes-merged}).
   */
  public boolean legDashesMerged() {
    return legDashesMerged.get();
  }

  /**
   * The share of the leg's length its dashes cover, as drawn (1 when solid): what a merged leg's
   * colour is drawn at.
   */
  public double dashShare() {
    return LegPaints.dashShare(legDashes.get());
  }

  /** The leg's styled dash and gap lengths (empty: solid). */
  public List<Number> legDashes() {
    return List.of(legDashes.get());
  }

  private void paint() {
    paintedVertical = isVertical();
    setFill(LegPaints.of(legColor.get(), legDashes.get(), paintedVertical, legDashesMerged.get()));
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
