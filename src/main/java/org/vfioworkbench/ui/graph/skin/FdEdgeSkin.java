package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.FdKind;
import org.vfioworkbench.ui.graph.GraphModel.Point;

/**
 * An edge from an fd chip to what it holds (device fds and cdevs to functions, groups to hulls),
 * drawn along its orthogonal route; hovering it highlights it (the view highlights both ends).
 *
 * <p>Each leg of the route is its own {@link EdgeLeg}, a filled strip styled {@code fd-edge}: a
 * software-painted shape costs the area of its bounds, and a leg's bounds are a thin strip where
 * one polyline's are the whole rectangle its corners span (on a big host's overview, most of the
 * graph); and a plain strip is filled directly where a stroke is rasterised. For the same reason
 * the edge fades leg by leg ({@link #fade}): an opacity on the group would paint it offscreen
 * first.
 */
public final class FdEdgeSkin extends Group {

  /** The state of a lit leg (its edge, or its bundle, is hovered). */
  static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");

  /** The style class of every leg. */
  public static final String LEG = "fd-edge";

  private FdEdge edge;
  private final List<String> legClasses = new ArrayList<>();
  private boolean lit;
  private double legOpacity = 1;

  public FdEdgeSkin(FdEdge e) {
    this.edge = e;
    getStyleClass().add("fd-edge-skin");
    legClasses.addAll(List.of(LEG, kindClass(e.kind())));
    setPickOnBounds(false);
    drawLegs(e);
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
   * Shows {@code e} instead, in place (its route only: the style and tooltip stay; legs are moved,
   * and made or dropped only when the route has more or fewer of them), when it is the same fd's
   * edge to the same end; returns whether it did.
   */
  public boolean reshape(FdEdge e) {
    if (!e.fd().equals(edge.fd())
        || e.kind() != edge.kind()
        || !e.function().equals(edge.function())
        || !e.group().equals(edge.group())) {
      return false;
    }
    edge = e;
    drawLegs(e);
    return true;
  }

  /** The route's corners as x, y pairs, as drawn. */
  public List<Double> points() {
    List<Double> xy = new ArrayList<>();
    List<Node> legs = getChildren();
    for (int i = 0; i < legs.size(); i++) {
      EdgeLeg l = (EdgeLeg) legs.get(i);
      if (i == 0) {
        xy.add(l.startX());
        xy.add(l.startY());
      }
      xy.add(l.endX());
      xy.add(l.endY());
    }
    return xy;
  }

  /** Fades the edge to {@code opacity} (1: not faded), leg by leg. */
  public void fade(double opacity) {
    legOpacity = opacity;
    for (Node n : getChildren()) {
      n.setOpacity(opacity);
    }
  }

  private void drawLegs(FdEdge e) {
    List<Point> p = e.points();
    int legs = Math.max(0, p.size() - 1);
    List<Node> kids = getChildren();
    if (kids.size() > legs) {
      kids.subList(legs, kids.size()).clear();
    }
    List<EdgeLeg> added = new ArrayList<>();
    for (int i = 0; i < legs; i++) {
      Point a = p.get(i);
      Point b = p.get(i + 1);
      if (i < kids.size()) {
        ((EdgeLeg) kids.get(i)).moveTo(a.x(), a.y(), b.x(), b.y());
      } else {
        EdgeLeg l = new EdgeLeg(a.x(), a.y(), b.x(), b.y());
        l.getStyleClass().setAll(legClasses);
        l.pseudoClassStateChanged(LIT, lit);
        l.setOpacity(legOpacity);
        added.add(l);
      }
    }
    kids.addAll(added);
  }

  /** Highlights the edge (while the pointer is over it or one of its ends). */
  public void setLit(boolean on) {
    lit = on;
    lightLegs(this, on);
  }

  /** The style class of a leg of an edge of {@code kind} ({@code fd-edge-device}, …). */
  static String kindClass(FdKind kind) {
    return KIND_CLASSES.get(kind);
  }

  private static final java.util.Map<FdKind, String> KIND_CLASSES =
      new java.util.EnumMap<>(FdKind.class);

  static {
    for (FdKind k : FdKind.values()) {
      KIND_CLASSES.put(k, "fd-edge-" + k.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Lights or unlights every leg of {@code skin}; a lit skin is brought to the front. */
  static void lightLegs(Group skin, boolean on) {
    for (Node n : skin.getChildren()) {
      n.pseudoClassStateChanged(LIT, on);
    }
    if (on) {
      skin.toFront();
    }
  }
}
