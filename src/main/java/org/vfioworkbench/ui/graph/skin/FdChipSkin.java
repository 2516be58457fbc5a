package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FdChip;

/** An open file inside a lane; device fds and cdevs can be dragged to move their function. */
public final class FdChipSkin extends Group {

  private final FdChip chip;
  private final Rectangle body;

  public FdChipSkin(FdChip c) {
    this.chip = c;
    Box b = c.box();
    body = new Rectangle(b.x(), b.y(), b.w(), b.h());
    body.setArcWidth(8);
    body.setArcHeight(8);
    body.getStyleClass().addAll("fd-chip", "fd-" + c.kind().name().toLowerCase());
    String[] lines = c.label().split("\n", 2);
    getChildren()
        .addAll(
            body,
            SkinText.at(lines[0], b.x() + 7, b.y() + 4, "fd-num"),
            SkinText.at(
                lines.length > 1 ? FunctionChipSkin.clip(lines[1], 21) : "",
                b.x() + 7,
                b.y() + 20,
                "fd-text"));
    SkinName.set(this, "fd-" + c.fd().holder() + "-" + c.fd().fd());
    LazyTooltip.install(
        this,
        () ->
            (c.fd().holder()
                + " fd "
                + c.fd().fd()
                + ": "
                + c.label().replace('\n', ' ')
                + (c.device().isPresent() ? "\ndrag to move this function to another lane" : "")));
  }

  public FdChip chip() {
    return chip;
  }

  public void setSelected(boolean on) {
    body.getStyleClass().remove("selected");
    if (on) {
      body.getStyleClass().add("selected");
    }
  }

  /** Highlights the chip while the pointer is over its edge. */
  public void setLit(boolean on) {
    body.getStyleClass().remove("lit");
    if (on) {
      body.getStyleClass().add("lit");
    }
  }
}
