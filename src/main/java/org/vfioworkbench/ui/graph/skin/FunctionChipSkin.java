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
    this(n, detail, null);
  }

  /**
   * A chip; a bridge's chip gets an expander ("\u2212" or "+") that runs {@code onToggle} to
   * collapse or expand its subtree (none when {@code onToggle} is null).
   */
  public FunctionChipSkin(FunctionNode n, boolean detail, Runnable onToggle) {
    this.node = n;
    if (!detail) {
      // One unstyled shape: CSS matching for thousands of styled nodes costs seconds.
      Box b = n.box();
      Rectangle body = new Rectangle(b.x(), b.y(), b.w(), b.h());
      body.setFill(driverColour(n));
      boolean alarm = n.summary().map(x -> x.blocked() || x.notViable()).orElse(false);
      body.setStroke(
          alarm ? Color.web("#dc2626") : n.open() ? Color.web("#0f172a") : Color.web("#64748b"));
      body.setStrokeWidth(n.open() || alarm ? 6 : 2);
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
    if (n.summary().isPresent()) {
      body.getStyleClass().add("fn-summary");
    }
    Text bdf = SkinText.at(Labels.shortBdf(n.bdf()), b.x() + 9, b.y() + 6, "fn-bdf");
    String line2 =
        n.summary()
            .map(
                x ->
                    "+"
                        + x.functions()
                        + " below \u00b7 "
                        + x.groups()
                        + (x.groups() == 1 ? " group" : " groups"))
            .orElse(n.name());
    Text name = SkinText.at(clip(line2, 22), b.x() + 9, b.y() + 23, "fn-name");
    String driver =
        n.summary()
            .map(
                x ->
                    x.blocked()
                        ? "\u2718 reset blocked"
                        : x.notViable()
                            ? "group not viable"
                            : x.holders().isEmpty()
                                ? "no holder"
                                : x.holders().size()
                                    + (x.holders().size() == 1 ? " holder" : " holders"))
            .orElse(clip(n.driver(), 16));
    double badgeW = 9 + driver.length() * 6.2;
    Rectangle badge = new Rectangle(b.x() + 8, b.bottom() - 19, badgeW, 14);
    badge.setArcWidth(8);
    badge.setArcHeight(8);
    badge
        .getStyleClass()
        .addAll(
            "driver-badge",
            n.summary().isPresent()
                ? (n.summary().get().blocked() || n.summary().get().notViable()
                    ? "summary-alarm"
                    : "summary-badge")
                : "driver-" + n.driverKind().name().toLowerCase());
    badge.setMouseTransparent(true);
    Text badgeText = SkinText.at(driver, b.x() + 12, b.bottom() - 18.5, "driver-badge-text");
    getChildren().addAll(body, bdf, name, badge, badgeText);
    if (n.group().isPresent()) {
      Text g = SkinText.at("g" + n.group().getAsInt(), b.right() - 30, b.y() + 6, "fn-group");
      getChildren().add(g);
    }
    getStyleClass().add("fn-node");
    if (onToggle != null && n.bridge()) {
      boolean collapsed = n.summary().isPresent();
      Rectangle box = new Rectangle(b.right() - 24, b.bottom() - 20, 18, 16);
      box.setArcWidth(4);
      box.setArcHeight(4);
      box.getStyleClass().add("expander");
      Text sign =
          SkinText.at(
              collapsed ? "+" : "\u2212", b.right() - 19, b.bottom() - 20.5, "expander-text");
      Group expander = new Group(box, sign);
      expander.setId("expander-" + n.bdf());
      expander.setOnMousePressed(
          e -> {
            onToggle.run();
            e.consume();
          });
      LazyTooltip.install(
          expander, () -> (collapsed ? "expand the subtree below" : "collapse the subtree below"));
      getChildren().add(expander);
    }
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
                + n.summary()
                    .map(
                        x ->
                            "\ncollapsed: "
                                + x.functions()
                                + " functions in "
                                + x.groups()
                                + " groups below"
                                + (x.holders().isEmpty()
                                    ? ""
                                    : ", held by " + String.join(", ", x.holders()))
                                + (x.blocked() ? "\na reset scope below is blocked" : "")
                                + (x.notViable() ? "\na group below is not viable" : ""))
                    .orElse("")
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

  private final java.util.Set<String> marks = new java.util.HashSet<>();

  private void pseudo(String cls, boolean on) {
    if (on ? !marks.add(cls) : !marks.remove(cls)) {
      return; // already so: no style change, no CSS pass for this chip
    }
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
