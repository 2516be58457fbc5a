package org.vfioworkbench.ui.graph;

/** An axis-aligned rectangle in graph coordinates. */
public record Box(double x, double y, double w, double h) {

  public double right() {
    return x + w;
  }

  public double bottom() {
    return y + h;
  }

  public double centerX() {
    return x + w / 2;
  }

  public double centerY() {
    return y + h / 2;
  }

  public boolean contains(double px, double py) {
    return px >= x && px <= right() && py >= y && py <= bottom();
  }

  /** Whether {@code o} lies wholly inside this box. */
  public boolean contains(Box o) {
    return x <= o.x && o.right() <= right() && y <= o.y && o.bottom() <= bottom();
  }

  public boolean intersects(Box o) {
    return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }

  public Box union(Box o) {
    double nx = Math.min(x, o.x);
    double ny = Math.min(y, o.y);
    return new Box(nx, ny, Math.max(right(), o.right()) - nx, Math.max(bottom(), o.bottom()) - ny);
  }

  public Box pad(double p) {
    return new Box(x - p, y - p, w + 2 * p, h + 2 * p);
  }
}
