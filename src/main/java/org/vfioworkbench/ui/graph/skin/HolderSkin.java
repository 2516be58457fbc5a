package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Rectangle;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FdChip;
import org.vfioworkbench.ui.graph.GraphModel.HolderNode;
import org.vfioworkbench.ui.graph.GraphModel.Lane;

/** A holder: its title and two lanes, each lane a drop target holding fd chips. */
public final class HolderSkin extends Group {

  private final HolderNode node;
  private final Rectangle title;
  private final List<LaneSkin> lanes = new ArrayList<>();
  private final List<FdChipSkin> chips = new ArrayList<>();

  public HolderSkin(HolderNode n) {
    this.node = n;
    Box b = n.box();
    title = new Rectangle(b.x(), b.y(), b.w(), b.h());
    title.setArcWidth(12);
    title.setArcHeight(12);
    title.getStyleClass().add("holder");
    getChildren()
        .addAll(
            title,
            SkinText.at(
                n.name() + (n.pid() > 0 ? "  (pid " + n.pid() + ")" : ""),
                b.x() + 10,
                b.y() + 7,
                "holder-title"));
    if (n.summary().isPresent()) {
      // Compact: one line saying where the holder's files go; no lanes.
      getChildren().add(SkinText.at(n.summary().get(), b.x() + 10, b.y() + 27, "lane-title"));
    }
    for (Lane l : n.compact() ? List.<Lane>of() : List.of(n.groupLane(), n.cdevLane())) {
      LaneSkin ls = new LaneSkin(l);
      lanes.add(ls);
      getChildren().add(ls);
      for (FdChip c : l.chips()) {
        FdChipSkin cs = new FdChipSkin(c);
        chips.add(cs);
        getChildren().add(cs);
      }
    }
    LazyTooltip.install(
        title,
        () ->
            n.name()
                + (n.pid() > 0 ? "  (pid " + n.pid() + ")" : "")
                + n.summary().map(x -> "\n" + x).orElse("")
                + "\na process holding VFIO files; drop a function on a lane");
  }

  /**
   * A holder for a zoom where its text would be too small to read: its name in {@code fontSize}
   * (graph units), drawn at its size on screen ({@code screen}), its lanes' boxes without text.
   */
  public static HolderSkin glance(
      HolderNode n, double fontSize, double minFontSize, ScreenSizedText screen) {
    HolderSkin s = new HolderSkin(n);
    s.getChildren().removeIf(c -> c instanceof javafx.scene.text.Text);
    javafx.scene.text.Text name =
        FunctionChipSkin.glanceText(
            List.of(n.name()), List.of(), n.box().w() - 12, fontSize, minFontSize);
    name.getStyleClass().add("holder-glance");
    name.setX(n.box().x() + 6);
    name.setY(n.box().y() + 2);
    screen.follow(name);
    s.getChildren().add(name);
    return s;
  }

  public HolderNode node() {
    return node;
  }

  public Node titleNode() {
    return title;
  }

  public List<LaneSkin> lanes() {
    return lanes;
  }

  public List<FdChipSkin> chips() {
    return chips;
  }

  public void setSelected(boolean on) {
    title.getStyleClass().remove("selected");
    if (on) {
      title.getStyleClass().add("selected");
    }
  }
}
