package org.vfioworkbench.ui.graph.skin;

import javafx.css.PseudoClass;
import javafx.scene.shape.Polyline;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.Point;

/**
 * An edge from an fd chip to what it holds (device fds and cdevs to functions, groups to hulls),
 * drawn along its orthogonal route; hovering it highlights it (the view highlights both ends).
 */
public final class FdEdgeSkin extends Polyline {

  private static final PseudoClass HOVER = PseudoClass.getPseudoClass("lit");

  private FdEdge edge;

  public FdEdgeSkin(FdEdge e) {
    this.edge = e;
    getPoints().setAll(coordinates(e));
    getStyleClass().addAll("fd-edge", "fd-edge-" + e.kind().name().toLowerCase());
    setFill(null);
    setPickOnBounds(false);
    LazyTooltip.install(
        this,
        () ->
            (e.fd().holder()
                + " fd "
                + e.fd().fd()
                + " \u2192 "
                + (e.group().isPresent()
                    ? "IOMMU group " + e.group().getAsInt()
                    : e.function().map(Object::toString).orElse("?"))));
  }

  public FdEdge edge() {
    return edge;
  }

  /**
   * Shows {@code e} instead, in place (its route only: the nodes, style and tooltip stay), when it
   * is the same fd's edge to the same end; returns whether it did.
   */
  public boolean reshape(FdEdge e) {
    if (!e.fd().equals(edge.fd())
        || e.kind() != edge.kind()
        || !e.function().equals(edge.function())
        || !e.group().equals(edge.group())) {
      return false;
    }
    edge = e;
    getPoints().setAll(coordinates(e));
    return true;
  }

  private static Double[] coordinates(FdEdge e) {
    Double[] xy = new Double[2 * e.points().size()];
    int i = 0;
    for (Point p : e.points()) {
      xy[i++] = p.x();
      xy[i++] = p.y();
    }
    return xy;
  }

  /** Highlights the edge (while the pointer is over it or one of its ends). */
  public void setLit(boolean on) {
    pseudoClassStateChanged(HOVER, on);
    if (on) {
      toFront();
    }
  }
}
