package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;

/** A function as a chip: BDF, short name and a driver badge coloured by driver kind. */
public final class FunctionChipSkin extends Group {

  private final FunctionNode node;

  /** A full chip: address, name, group and a labelled driver badge. */
  public FunctionChipSkin(FunctionNode n) {
    this(n, true);
  }

  /**
   * A chip; without {@code detail} only the body and a coloured driver bar are drawn (for zoomed
   * out views of big hosts, where text would be unreadable anyway).
   */
  public FunctionChipSkin(FunctionNode n, boolean detail) {
    this.node = n;
    if (!detail) {
      // One unstyled shape: CSS matching for thousands of styled nodes costs seconds.
      Box b = n.box();
      Rectangle body = new Rectangle(b.x(), b.y(), b.w(), b.h());
      body.setFill(driverColour(n));
      body.setStroke(n.open() ? Color.web("#0f172a") : Color.web("#64748b"));
      body.setStrokeWidth(n.open() ? 6 : 2);
      getChildren().add(body);
      tooltip(n);
      return;
    }
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
    tooltip(n);
  }

  private void tooltip(FunctionNode n) {
    LazyTooltip.install(
        this,
        () ->
            (n.bdf()
                + "  "
                + n.name()
                + "\ndriver: "
                + n.driver()
                + (n.group().isPresent()
                    ? "\nIOMMU group " + n.group().getAsInt()
                    : "\nno IOMMU group")
                + (n.vfio() ? "\nvfio device: drag it onto a holder's lane to open it there" : "")
                + (n.open() ? "\nopen (thick border)" : "")));
  }

  public FunctionNode node() {
    return node;
  }

  public void setSelected(boolean on) {
    pseudo("selected", on);
  }

  /** Highlights the chip while the pointer is over one of its edges. */
  public void setLit(boolean on) {
    pseudo("lit", on);
  }

  public void setChanged(boolean on) {
    pseudo("changed", on);
  }

  private void pseudo(String cls, boolean on) {
    if (getChildren().size() == 1) {
      Rectangle r = (Rectangle) getChildren().get(0);
      if (cls.equals("changed")) {
        return;
      }
      r.setStroke(
          on ? Color.web("#0284c7") : node.open() ? Color.web("#0f172a") : Color.web("#64748b"));
      return;
    }
    getChildren().get(0).getStyleClass().remove(cls);
    if (on) {
      getChildren().get(0).getStyleClass().add(cls);
    }
  }

  private static Color driverColour(FunctionNode n) {
    return switch (n.driverKind()) {
      case VFIO_PCI -> Color.web("#86efac");
      case NATIVE -> Color.web("#fca5a5");
      case PCI_STUB -> Color.web("#fde68a");
      case PCIEPORT -> Color.web("#cbd5e1");
      case NONE -> Color.web("#e2e8f0");
    };
  }

  static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }
}
