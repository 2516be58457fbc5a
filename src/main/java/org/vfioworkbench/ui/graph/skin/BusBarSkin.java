package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel;
import org.vfioworkbench.ui.graph.GraphModel.BusNode;

/** A bus as a bar with its address. */
public final class BusBarSkin extends Group {

  public BusBarSkin(BusNode n) {
    Box b = n.box();
    Rectangle bar = new Rectangle(b.x(), b.y(), b.w(), b.h());
    bar.setArcWidth(6);
    bar.setArcHeight(6);
    bar.getStyleClass().addAll("bus-bar", n.root() ? "bus-root" : "bus-below");
    getChildren().addAll(bar, SkinText.at(n.fittedCaption(), b.x() + 8, b.y() + 4, "bus-label"));
    LazyTooltip.install(
        this,
        () ->
            n.caption()
                + (n.fold() == GraphModel.Fold.PLATFORM && n.folded() > 0
                    ? "\nnot shown: the chipset's and processors' own functions (host and ISA"
                        + " bridges, DMA engines, I/O APICs, uncore registers, performance counters);"
                        + " the Explorer lists them, and selecting one there draws it"
                    : "")
                + "\n"
                + (n.root()
                    ? "root bus: no upstream bridge, so it can never be bus-reset"
                    : "secondary bus of a bridge: a bus reset resets everything on and below it"));
  }
}
