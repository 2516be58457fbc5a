package org.vfioworkbench.ui.graph;

import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The graph's legend as an overlay in its top left corner: beside the graph's tool bar when it fits
 * there, below it otherwise, never wider or taller than the graph. Its text wraps when the graph is
 * narrow, and it scrolls when the graph is too short for it (a 1366×768 screen).
 */
final class LegendOverlay extends ScrollPane {

  static final double MARGIN = 8;

  private final GraphLegend legend = new GraphLegend();
  private final Region graph;
  private final Region toolBar;

  LegendOverlay(Region graph, Region toolBar) {
    this.graph = graph;
    this.toolBar = toolBar;
    setContent(legend);
    setFitToWidth(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);
    setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
    getStyleClass().add("graph-legend-scroll");
    setId("graph-legend");
    StackPane.setAlignment(this, Pos.TOP_LEFT);
    InvalidationListener place = o -> place();
    graph.widthProperty().addListener(place);
    graph.heightProperty().addListener(place);
    toolBar.widthProperty().addListener(place);
    visibleProperty().addListener(place);
    place();
  }

  /** The legend itself (its rows). */
  GraphLegend legend() {
    return legend;
  }

  private void place() {
    double w = graph.getWidth();
    double h = graph.getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    double want = legend.prefWidth(-1) + 2;
    double beside = w - toolBar.getWidth() - 3 * MARGIN;
    boolean fitsBeside = want <= beside;
    double top = fitsBeside ? MARGIN : TopologyGraphView.TOOLBAR_H + MARGIN;
    double width = Math.max(0, Math.min(want, fitsBeside ? beside : w - 2 * MARGIN));
    double tall = Math.max(0, h - top - MARGIN);
    double needs = legend.prefHeight(width) + 2;
    StackPane.setMargin(this, new Insets(top, MARGIN, MARGIN, MARGIN));
    setPrefWidth(width);
    setMaxWidth(width);
    setPrefHeight(Math.min(needs, tall));
    setMaxHeight(Math.min(needs, tall));
  }
}
