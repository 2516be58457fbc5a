package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.ScopeOutline;

/**
 * A reset scope as a dashed outline with its caption; a scope whose natural reset fails for an open
 * device in it is drawn red with a cross.
 */
public final class ScopeOutlineSkin extends Group {

  private final ScopeOutline scope;

  public ScopeOutlineSkin(ScopeOutline s) {
    this.scope = s;
    Box b = s.box();
    Rectangle r = new Rectangle(b.x(), b.y(), b.w(), b.h());
    r.setArcWidth(20);
    r.setArcHeight(20);
    r.getStyleClass().add("scope-outline");
    if (s.blocked()) {
      r.getStyleClass().add("scope-blocked");
    }
    r.setMouseTransparent(true);
    getChildren().add(r);
    // Its border answers hover with the caption's text, also when the caption is too small to draw:
    // a wide stroke that is picked but never painted (opacity 0; a transparent stroke would still
    // be rasterised at every repaint).
    Rectangle edge = new Rectangle(b.x(), b.y(), b.w(), b.h());
    edge.setArcWidth(20);
    edge.setArcHeight(20);
    edge.setFill(null);
    edge.setStroke(Color.BLACK);
    edge.setStrokeWidth(8);
    edge.setOpacity(0);
    LazyTooltip.install(edge, () -> tooltip(s));
    getChildren().add(edge);
    if (!s.label().isEmpty()) {
      Text t =
          SkinText.at(
              s.label(),
              s.labelBox().x(),
              s.labelBox().y(),
              s.blocked() ? "scope-label-blocked" : "scope-label");
      t.getStyleClass().add("scope-label");
      t.setMouseTransparent(false);
      LazyTooltip.install(t, () -> tooltip(s));
      getChildren().add(t);
    }
    setPickOnBounds(false);
  }

  private static String tooltip(ScopeOutline s) {
    return s.description()
        + "\nreset scope (dashed): every function a hot reset of any function inside touches";
  }

  public ScopeOutline scope() {
    return scope;
  }
}
