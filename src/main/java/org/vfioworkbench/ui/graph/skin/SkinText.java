package org.vfioworkbench.ui.graph.skin;

import javafx.geometry.VPos;
import javafx.scene.text.Text;

/** Text nodes for skins, styled by CSS class. */
final class SkinText {

  private SkinText() {}

  static Text at(String s, double x, double y, String styleClass) {
    Text t = new Text(x, y, s);
    t.setTextOrigin(VPos.TOP);
    t.getStyleClass().add(styleClass);
    t.setMouseTransparent(true);
    return t;
  }
}
