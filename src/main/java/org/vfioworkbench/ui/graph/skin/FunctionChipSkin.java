package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;

/** A function as a chip: BDF, short name and a driver badge coloured by driver kind. */
public final class FunctionChipSkin extends Group {

  private final FunctionNode node;

  public FunctionChipSkin(FunctionNode n) {
    this.node = n;
    Box b = n.box();
    Rectangle body = new Rectangle(b.x(), b.y(), b.w(), b.h());
    body.setArcWidth(10);
    body.setArcHeight(10);
    body.getStyleClass().addAll("fn-chip", n.bridge() ? "fn-bridge" : "fn-endpoint");
    if (n.open()) {
      body.getStyleClass().add("fn-open");
    }
    Text bdf = SkinText.at(Labels.shortBdf(n.bdf()), b.x() + 9, b.y() + 6, "fn-bdf");
    Text name = SkinText.at(clip(n.name(), 22), b.x() + 9, b.y() + 23, "fn-name");
    String driver = clip(n.driver(), 16);
    double badgeW = 9 + driver.length() * 6.2;
    Rectangle badge = new Rectangle(b.x() + 8, b.bottom() - 19, badgeW, 14);
    badge.setArcWidth(8);
    badge.setArcHeight(8);
    badge.getStyleClass().addAll("driver-badge", "driver-" + n.driverKind().name().toLowerCase());
    badge.setMouseTransparent(true);
    Text badgeText = SkinText.at(driver, b.x() + 12, b.bottom() - 18.5, "driver-badge-text");
    getChildren().addAll(body, bdf, name, badge, badgeText);
    if (n.group().isPresent()) {
      Text g = SkinText.at("g" + n.group().getAsInt(), b.right() - 30, b.y() + 6, "fn-group");
      getChildren().add(g);
    }
    getStyleClass().add("fn-node");
    Tooltip.install(this, new Tooltip(n.bdf() + "  " + n.name() + "\ndriver: " + n.driver()
        + (n.group().isPresent() ? "\nIOMMU group " + n.group().getAsInt() : "\nno IOMMU group")
        + (n.vfio() ? "\nvfio device: drag it onto a holder's lane to open it there" : "")
        + (n.open() ? "\nopen (thick border)" : "")));
  }

  public FunctionNode node() {
    return node;
  }

  public void setSelected(boolean on) {
    pseudo("selected", on);
  }

  public void setChanged(boolean on) {
    pseudo("changed", on);
  }

  private void pseudo(String cls, boolean on) {
    getChildren().get(0).getStyleClass().remove(cls);
    if (on) {
      getChildren().get(0).getStyleClass().add(cls);
    }
  }

  static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }
}
