package org.vfioworkbench.ui.graph;

import java.util.Locale;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.graph.GraphModel.FdChip;
import org.vfioworkbench.ui.graph.GraphModel.Lane;
import org.vfioworkbench.ui.graph.skin.GroupHullSkin;

/** Writes a {@link GraphModel} as a standalone SVG document. Pure. */
public final class SvgExport {

  private SvgExport() {}

  public static String render(GraphModel m) {
    StringBuilder s = new StringBuilder();
    Box b = m.bounds();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">\n",
            b.w(),
            b.h()));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (GraphModel.ScopeOutline o : m.scopes()) {
      String colour = o.blocked() ? "#b91c1c" : "#334155";
      rect(s, o.box(), "none", colour, "stroke-dasharray=\"7 5\" rx=\"10\"");
      text(s, o.labelBox().x(), o.labelBox().y() + 11, o.label(), colour);
    }
    for (GraphModel.GroupHull h : m.hulls()) {
      var c = GroupHullSkin.colour(h.group());
      String col =
          String.format(
              "#%02x%02x%02x",
              (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
      for (Box x : h.boxes()) {
        rect(s, x, col, col, "fill-opacity=\"0.2\" rx=\"8\"");
      }
      text(s, h.labelBox().x(), h.labelBox().y() + 11, h.label(), col);
    }
    for (GraphModel.Line l : m.treeEdges()) {
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#64748b\"/>\n",
              l.x1(),
              l.y1(),
              l.x2(),
              l.y2()));
    }
    for (GraphModel.ComplexNode c : m.complexes()) {
      rect(s, c.box(), "#e2e8f0", "#475569", "rx=\"4\"");
      text(
          s,
          c.box().x() + 10,
          c.box().y() + 21,
          String.format("Root complex \u00b7 segment %04x", c.segment()),
          "#0f172a");
    }
    for (GraphModel.BusNode n : m.buses()) {
      rect(s, n.box(), "#cbd5e1", "#475569", "rx=\"3\"");
      text(s, n.box().x() + 8, n.box().y() + 15, n.fittedCaption(), "#0f172a");
    }
    for (GraphModel.FunctionNode f : m.functions()) {
      rect(
          s,
          f.box(),
          "#ffffff",
          "#475569",
          "rx=\"5\" stroke-width=\"" + (f.open() ? 2.5 : 1) + "\"");
      text(s, f.box().x() + 9, f.box().y() + 18, Labels.shortBdf(f.bdf()), "#0f172a");
      text(s, f.box().x() + 9, f.box().y() + 34, f.name(), "#334155");
      text(
          s,
          f.box().x() + 9,
          f.box().bottom() - 8,
          "[" + f.driver() + "]",
          f.vfio() ? "#15803d" : "#b91c1c");
    }
    for (GraphModel.FdEdge e : m.fdEdges()) {
      StringBuilder pts = new StringBuilder();
      for (GraphModel.Point p : e.points()) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(), p.y()));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s/>\n",
              pts.toString().trim(),
              e.kind() == GraphModel.FdKind.CDEV ? "#7c3aed" : "#2563eb",
              e.kind() == GraphModel.FdKind.GROUP ? " stroke-dasharray=\"5 4\"" : ""));
    }
    for (GraphModel.HolderNode h : m.holders()) {
      rect(s, h.box(), "#f8fafc", "#334155", "rx=\"6\"");
      text(s, h.box().x() + 10, h.box().y() + 19, h.name(), "#0f172a");
      for (Lane l : java.util.List.of(h.groupLane(), h.cdevLane())) {
        rect(s, l.box(), "#eef2ff", "#94a3b8", "rx=\"4\"");
        text(s, l.box().x() + 8, l.box().y() + 14, l.title(), "#334155");
        for (FdChip c : l.chips()) {
          rect(s, c.box(), "#ffffff", "#64748b", "rx=\"4\"");
          String[] lines = c.label().split("\n", 2);
          text(s, c.box().x() + 7, c.box().y() + 16, lines[0], "#0f172a");
          if (lines.length > 1) {
            text(s, c.box().x() + 7, c.box().y() + 32, lines[1], "#334155");
          }
        }
      }
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static void rect(StringBuilder s, Box b, String fill, String stroke, String extra) {
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\" %s/>\n",
            b.x(),
            b.y(),
            b.w(),
            b.h(),
            fill,
            stroke,
            extra));
  }

  private static void text(StringBuilder s, double x, double y, String t, String fill) {
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>\n",
            x,
            y,
            fill,
            t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
  }
}
