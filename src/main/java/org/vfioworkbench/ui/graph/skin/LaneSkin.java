package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.Lane;
import org.vfioworkbench.ui.kernel.DropTarget;

/** One lane of a holder; shows whether a drop there would be allowed while a drag hovers. */
public final class LaneSkin extends Group {

  private final Lane lane;
  private final Rectangle body;

  public LaneSkin(Lane l) {
    this.lane = l;
    Box b = l.box();
    body = new Rectangle(b.x(), b.y(), b.w(), b.h());
    body.setArcWidth(8);
    body.setArcHeight(8);
    boolean cdev = l.target() instanceof DropTarget.CdevLane;
    body.getStyleClass().addAll("lane", cdev ? "lane-cdev" : "lane-group");
    getChildren().addAll(body, SkinText.at(l.title(), b.x() + 8, b.y() + 4, "lane-title"));
    SkinName.set(
        this,
        cdev
            ? "cdev-lane-" + ((DropTarget.CdevLane) l.target()).holder()
            : "group-lane-" + ((DropTarget.GroupLane) l.target()).holder());
    LazyTooltip.install(
        body,
        () ->
            l.title()
                + "\n"
                + (cdev
                    ? "cdev lane: device cdevs bound into this holder's iommufd context"
                    : "group lane: group files, attached to this holder's container, and device fds got through them"));
  }

  public Lane lane() {
    return lane;
  }

  /** null: not a target now; true/false: a drop here would be allowed/refused. */
  public void setDropState(Boolean allowed) {
    body.getStyleClass().removeAll("drop-ok", "drop-refused");
    if (allowed != null) {
      body.getStyleClass().add(allowed ? "drop-ok" : "drop-refused");
    }
  }
}
