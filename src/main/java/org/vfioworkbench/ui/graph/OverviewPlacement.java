package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;

/**
 * Where the overview map may go: the first corner of the view (bottom right, bottom left, top
 * right, top left) where it covers no chip, fd chip, holder, caption or the "Nobody" box at the
 * current zoom and pan; none when every corner would cover something. Pure.
 */
public final class OverviewPlacement {

  /** The corners tried, in order. */
  public static final List<Pos> CORNERS =
      List.of(Pos.BOTTOM_RIGHT, Pos.BOTTOM_LEFT, Pos.TOP_RIGHT, Pos.TOP_LEFT);

  private OverviewPlacement() {}

  /** What the overview must not cover. */
  public static List<Box> obstacles(GraphModel m) {
    List<Box> out = new ArrayList<>();
    m.functions().forEach(f -> out.add(f.box()));
    m.holders().forEach(h -> out.add(h.box()));
    m.hulls().stream().filter(h -> !h.label().isEmpty()).forEach(h -> out.add(h.labelBox()));
    m.scopes().stream().filter(s -> !s.label().isEmpty()).forEach(s -> out.add(s.labelBox()));
    m.complexes().forEach(c -> out.add(c.box()));
    out.add(m.unowned());
    return out;
  }

  /**
   * The overview's box in graph coordinates when put in {@code corner} of a view showing {@code
   * visible} (graph coordinates) at {@code scale}, with a {@code margin} in pixels.
   */
  public static Box inGraph(
      Pos corner, Box visible, double scale, double w, double h, double margin) {
    double gw = (w + margin) / scale;
    double gh = (h + margin) / scale;
    boolean right = corner.getHpos() == javafx.geometry.HPos.RIGHT;
    boolean bottom = corner.getVpos() == javafx.geometry.VPos.BOTTOM;
    double x = right ? visible.right() - gw : visible.x();
    double y = bottom ? visible.bottom() - gh : visible.y();
    return new Box(x, y, gw, gh);
  }

  /** The first free corner, if any. */
  public static Optional<Pos> corner(
      Box visible, double scale, double w, double h, double margin, List<Box> obstacles) {
    for (Pos c : CORNERS) {
      Box b = inGraph(c, visible, scale, w, h, margin);
      if (obstacles.stream().noneMatch(b::intersects)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
