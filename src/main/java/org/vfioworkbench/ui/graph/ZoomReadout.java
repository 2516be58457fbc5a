package org.vfioworkbench.ui.graph;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The tool bar's read-out of the graph's zoom ("30 %"), which also says when the graph is zoomed
 * out so far that chips show colours only ("7 % · colours only"): on a big host that opens that
 * way, the reason there is no text on screen.
 */
public final class ZoomReadout {

  private ZoomReadout() {}

  /** What the read-out says at {@code zoom}. */
  static String says(double zoom) {
    String percent = Math.round(zoom * 100) + " %";
    return TopologyGraphView.coloursOnly(zoom) ? percent + " \u00b7 colours only" : percent;
  }

  /** The widest reading in {@code font}: just below where text shows, and 400 %. */
  private static double widest(javafx.scene.text.Font font) {
    double w = 0;
    for (String t : new String[] {says(TopologyGraphView.TEXT_FROM - 0.005), says(4)}) {
      javafx.scene.text.Text text = new javafx.scene.text.Text(t);
      text.setFont(font);
      w = Math.max(w, text.getLayoutBounds().getWidth());
    }
    return Math.ceil(w) + 8;
  }

  /** A label following {@code graph}'s zoom. */
  public static Label of(TopologyGraphView graph) {
    Label l = new Label();
    l.setId("zoom-readout");
    l.getStyleClass().add("zoom-readout");
    l.textProperty()
        .bind(Bindings.createStringBinding(() -> says(graph.zoom()), graph.zoomProperty()));
    // As wide as its widest reading, so the tool bar does not shift while the user zooms.
    l.setAlignment(javafx.geometry.Pos.CENTER);
    l.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
    l.fontProperty().addListener((o, a, f) -> l.setPrefWidth(widest(f)));
    l.setPrefWidth(widest(l.getFont()));
    l.setTooltip(
        new Tooltip(
            "Zoom of the topology graph (Ctrl+0 fits it). Below "
                + Math.round(TopologyGraphView.TEXT_FROM * 100)
                + " % chips show their colours only: zoom in, hover a chip, or select it in"
                + " the Topology Explorer to read it."));
    return l;
  }
}
