package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.ComplexNode;

/** The root complex of a PCI segment. */
public final class ComplexSkin extends Group {

  public ComplexSkin(ComplexNode n) {
    Box b = n.box();
    Rectangle r = new Rectangle(b.x(), b.y(), b.w(), b.h());
    r.setArcWidth(8);
    r.setArcHeight(8);
    r.getStyleClass().add("complex");
    String label = String.format("Root complex \u00b7 segment %04x", n.segment());
    getChildren().addAll(r, SkinText.at(label, b.x() + 10, b.y() + 9, "complex-label"));
    LazyTooltip.install(r, () -> label);
  }
}
