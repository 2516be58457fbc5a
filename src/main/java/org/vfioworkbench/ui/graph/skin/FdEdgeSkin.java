package org.vfioworkbench.ui.graph.skin;

import javafx.scene.shape.CubicCurve;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;

/** An edge from an fd chip to what it holds: device fds and cdevs to functions, groups to hulls. */
public final class FdEdgeSkin extends CubicCurve {

  public FdEdgeSkin(FdEdge e) {
    super(e.x1(), e.y1(), e.x1() - 90, e.y1(), e.x2() + 90, e.y2(), e.x2(), e.y2());
    getStyleClass().addAll("fd-edge", "fd-edge-" + e.kind().name().toLowerCase());
    setMouseTransparent(true);
  }
}
