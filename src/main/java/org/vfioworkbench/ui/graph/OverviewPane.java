package org.vfioworkbench.ui.graph;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * A small map of the whole graph with the visible area marked; click or drag in it to move there.
 * Shown only when the graph does not fit the view, in a corner where it covers nothing (the graph
 * decides: {@link OverviewPlacement}).
 */
final class OverviewPane extends StackPane {

  static final double W = 220;
  static final double H = 140;

  private final TopologyGraphView graph;
  private final Canvas canvas = new Canvas(W, H);
  private GraphModel model;

  OverviewPane(TopologyGraphView graph) {
    this.graph = graph;
    getStyleClass().add("graph-overview");
    setMaxSize(W + 2, H + 2);
    getChildren().add(canvas);
    canvas.setOnMousePressed(e -> jump(e.getX(), e.getY()));
    canvas.setOnMouseDragged(e -> jump(e.getX(), e.getY()));
  }

  private double factor() {
    return model == null ? 1 : Math.min(W / model.bounds().w(), H / model.bounds().h());
  }

  private void jump(double x, double y) {
    double f = factor();
    graph.centreOn(x / f, y / f);
  }

  void redraw(GraphModel m) {
    this.model = m;
    redrawViewport();
  }

  void redrawViewport() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    // The map's translucent background is the pane's, from the theme's style sheet (light or dark);
    // the canvas starts clear each time, so nothing of the last map stays under the new one.
    g.clearRect(0, 0, W, H);
    if (model == null) {
      return;
    }
    double f = factor();
    g.setFill(Color.rgb(100, 116, 139));
    for (GraphModel.FunctionNode n : model.functions()) {
      g.fillRect(
          n.box().x() * f,
          n.box().y() * f,
          Math.max(1, n.box().w() * f),
          Math.max(1, n.box().h() * f));
    }
    g.setFill(Color.rgb(124, 58, 237));
    for (GraphModel.HolderNode h : model.holders()) {
      g.fillRect(
          h.box().x() * f,
          h.box().y() * f,
          Math.max(1, h.box().w() * f),
          Math.max(1, h.box().h() * f));
    }
    Box v = graph.visibleArea();
    g.setStroke(Color.rgb(220, 38, 38));
    g.setLineWidth(1.5);
    g.strokeRect(v.x() * f, v.y() * f, v.w() * f, v.h() * f);
    Box b = model.bounds();
    boolean fits = v.x() <= 0 && v.y() <= 0 && v.right() >= b.w() && v.bottom() >= b.h();
    graph.placeOverview(fits);
  }
}
