package org.vfioworkbench.ui.graph;

import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.shape.Rectangle;
import org.vfioworkbench.ui.graph.skin.EdgeLeg;
import org.vfioworkbench.ui.graph.skin.FdEdgeSkin;
import org.vfioworkbench.ui.graph.skin.FunctionChipSkin;
import org.vfioworkbench.ui.graph.skin.GroupHullSkin;

/**
 * What every colour, hull, outline and line style of the graph means, drawn with the same style
 * classes as the graph itself so it follows the theme, in two columns whose text wraps when the
 * graph is narrow. {@link LegendOverlay} shows it over the graph when the Legend toggle is on.
 */
final class GraphLegend extends GridPane {

  /** One legend row: a sample and what it means. */
  record Entry(Node sample, String meaning) {}

  GraphLegend() {
    getStyleClass().add("graph-legend");
    setHgap(8);
    setVgap(3);
    List<Entry> entries = entries();
    int half = (entries.size() + 1) / 2;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      int col = i < half ? 0 : 2;
      int row = i < half ? i : i - half;
      Label l = new Label(e.meaning());
      l.getStyleClass().add("legend-text");
      l.setWrapText(true);
      add(e.sample(), col, row);
      add(l, col + 1, row);
    }
    for (int c = 0; c < 4; c++) {
      javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
      if (c % 2 == 0) {
        cc.setMinWidth(USE_PREF_SIZE); // the samples never shrink; the text wraps instead
      } else {
        cc.setHgrow(javafx.scene.layout.Priority.SOMETIMES);
      }
      getColumnConstraints().add(cc);
    }
    setMouseTransparent(false);
    setPickOnBounds(true);
  }

  /** Every entry, in reading order. */
  static List<Entry> entries() {
    return List.of(
        new Entry(rect("fn-chip", "fn-endpoint"), "function"),
        new Entry(rect("fn-chip", "fn-bridge"), "bridge or root port"),
        new Entry(rect("fn-chip", "fn-open"), "open by a holder (thick border)"),
        new Entry(rect("fn-chip", "selected"), "selected"),
        new Entry(rect("fn-chip", "changed"), "answer differs in the compare profile"),
        new Entry(collapsed(), "collapsed subtree (+ expands it)"),
        new Entry(rect("driver-badge", "summary-alarm"), "\u2718 a reset or group below fails"),
        new Entry(
            glance("\u2718 06"),
            "zoomed out: \u2718 bus 06 (or \u2718 06) +2: blocked reset scopes below"),
        new Entry(
            glance("\u2718 slot"),
            "also \u2718 slot; \u2718 14:00 or "
                + FunctionChipSkin.NO_RESET_GLANCE
                + " (no reset at all); \u2718 group or "
                + FunctionChipSkin.NOT_VIABLE_GLANCE
                + " (not viable)"),
        new Entry(rect("driver-badge", "driver-vfio_pci"), "driver vfio-pci"),
        new Entry(rect("driver-badge", "driver-native"), "native host driver"),
        new Entry(rect("driver-badge", "driver-pci_stub"), "pci-stub"),
        new Entry(rect("driver-badge", "driver-pcieport"), "pcieport"),
        new Entry(rect("driver-badge", "driver-none"), "no driver"),
        new Entry(hull(false), "IOMMU group (a colour per group)"),
        new Entry(hull(true), "group not viable (red dashes)"),
        new Entry(rect("scope-outline"), "reset scope (dashed)"),
        new Entry(rect("scope-outline", "scope-blocked"), "\u2718 scope whose hot reset fails"),
        new Entry(rect("bus-bar", "bus-root"), "root bus (never bus-reset)"),
        new Entry(rect("bus-bar", "bus-below"), "bus below a bridge"),
        new Entry(rect("holder"), "holder (a process)"),
        new Entry(rect("lane", "lane-group"), "group lane: container, groups"),
        new Entry(rect("lane", "lane-cdev"), "cdev lane: iommufd, cdevs"),
        new Entry(line("fd-edge-device"), "device fd \u2192 function"),
        new Entry(line("fd-edge-cdev"), "cdev \u2192 function"),
        new Entry(
            line("fd-edge-group"),
            "group file \u2192 group (dashed; a paler line at \"colours only\" zoom)"),
        new Entry(
            line("fd-edge-cdev", "fd-edge-bundle"),
            "faint: a one-line holder's fds, drawn once where they run together"
                + " (hover it or the holder to light them)"),
        new Entry(rect("unowned"), "Nobody: drop to close all fds"),
        new Entry(faded(), "not involved in the selection's reset"));
  }

  /** Where a swatch is drawn in its cell. */
  private static final Box SWATCH = new Box(0, 0, 34, 14);

  private static Node rect(String... classes) {
    Rectangle r = new Rectangle(34, 14);
    r.setArcWidth(6);
    r.setArcHeight(6);
    r.getStyleClass().addAll(classes);
    return new Group(r);
  }

  /** A collapsed subtree's chip, drawn as the graph draws one. */
  private static Node collapsed() {
    Rectangle r = FunctionChipSkin.bodyShape(SWATCH, 6, true);
    r.getStyleClass().addAll("fn-chip", "fn-summary");
    return new Group(r);
  }

  private static Node glance(String words) {
    javafx.scene.text.Text t = new javafx.scene.text.Text(words);
    t.getStyleClass().addAll("fn-glance", "fn-glance-alarm");
    t.setStyle("-fx-font-size: 10px; -fx-font-weight: bold;");
    t.setTextOrigin(javafx.geometry.VPos.TOP);
    t.setX(2);
    return new Group(collapsed(), t);
  }

  private static Node hull(boolean notViable) {
    return new Group(GroupHullSkin.hullBox(SWATCH, 3, !notViable, 8));
  }

  private static Node line(String... cls) {
    EdgeLeg l = new EdgeLeg(0, 7, 34, 7);
    l.getStyleClass().add(FdEdgeSkin.LEG);
    l.getStyleClass().addAll(cls);
    return new Group(l);
  }

  private static Node faded() {
    Node n = rect("fn-chip", "fn-endpoint");
    n.setOpacity(TopologyGraphView.FADED);
    return n;
  }
}
