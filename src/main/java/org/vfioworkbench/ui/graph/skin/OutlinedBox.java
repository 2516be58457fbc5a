package org.vfioworkbench.ui.graph.skin;

import javafx.scene.shape.Rectangle;

/**
 * A rounded box whose outline lies wholly outside it, as {@link
 * javafx.scene.shape.StrokeType#OUTSIDE} draws one, but drawn as a centred stroke on the box grown
 * by half the outline's width (whatever width the style sheets give it, and again whenever they
 * change it). The software pipeline draws an outside or inside stroke through area arithmetic on
 * the outline's shape at every paint (JFR: {@code BasicStroke$CAGShapePair}, {@code Area.subtract},
 * an eighth of the painting when a subtree expands on a 10,000-function host); a centred stroke
 * goes straight to the rasteriser. The fill reaches under the inner half of the outline, which
 * shows only where the outline is translucent or dashed.
 */
public final class OutlinedBox extends Rectangle {

  private final double boxX;
  private final double boxY;
  private final double boxW;
  private final double boxH;
  private final double arc;

  /**
   * The box at ({@code x}, {@code y}), {@code w} × {@code h}, its corners rounded by {@code arc}.
   */
  public OutlinedBox(double x, double y, double w, double h, double arc) {
    this.boxX = x;
    this.boxY = y;
    this.boxW = w;
    this.boxH = h;
    this.arc = arc;
    strokeWidthProperty().addListener(o -> place());
    strokeProperty().addListener(o -> place());
    place();
  }

  private void place() {
    double half = getStroke() == null ? 0 : getStrokeWidth() / 2;
    setX(boxX - half);
    setY(boxY - half);
    setWidth(boxW + 2 * half);
    setHeight(boxH + 2 * half);
    double corner = arc == 0 ? 0 : arc + 2 * half;
    setArcWidth(corner);
    setArcHeight(corner);
  }
}
