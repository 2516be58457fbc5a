package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.ScopeOutline;

/** A reset scope as a dashed outline with its label. */
public final class ScopeOutlineSkin extends Group {

  public ScopeOutlineSkin(ScopeOutline s) {
    Box b = s.box();
    Rectangle r = new Rectangle(b.x(), b.y(), b.w(), b.h());
    r.setArcWidth(20);
    r.setArcHeight(20);
    r.getStyleClass().add("scope-outline");
    r.setMouseTransparent(true);
    getChildren().addAll(r, SkinText.at(s.label(), b.x() + 10, b.bottom() + 4, "scope-label"));
    LazyTooltip.install(
        getChildren().get(1),
        () ->
            ("reset scope (dashed): every function a hot"
                + " reset of any function inside touches"));
    setMouseTransparent(true);
  }
}
