package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.GroupHull;

/** An IOMMU group as translucent rounded rectangles around its functions. */
public final class GroupHullSkin extends Group {

  private final GroupHull hull;

  public GroupHullSkin(GroupHull h) {
    this.hull = h;
    for (Box b : h.boxes()) {
      getChildren().add(hullBox(b, h.group(), h.viable(), 16));
    }
    if (!h.label().isEmpty()) {
      getChildren().add(SkinText.at(h.label(), h.labelBox().x(), h.labelBox().y(), "hull-label"));
    }
    LazyTooltip.install(
        this,
        () ->
            ("IOMMU group "
                + h.group()
                + " (translucent hull)"
                + (h.viable() ? ": viable" : ": NOT viable, a member's driver claims its DMA")));
  }

  public GroupHull hull() {
    return hull;
  }

  /**
   * One rounded rectangle of {@code group}'s hull over {@code b}, translucent in the group's
   * colour, its outline outside the box (red dashes when the group is not viable).
   */
  public static Rectangle hullBox(Box b, int group, boolean viable, double arc) {
    Color c = colour(group);
    Rectangle r = new OutlinedBox(b.x(), b.y(), b.w(), b.h(), arc);
    r.setFill(c.deriveColor(0, 1, 1, 0.20));
    r.setStroke(c.deriveColor(0, 1, 0.8, 0.9));
    r.setStrokeWidth(1.5);
    r.getStyleClass().add("group-hull");
    if (!viable) {
      r.getStyleClass().add("group-not-viable");
    }
    return r;
  }

  /** A stable colour per group id. */
  public static Color colour(int group) {
    return Color.hsb((group * 67) % 360, 0.65, 0.85);
  }
}
