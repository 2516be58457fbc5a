package org.vfioworkbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark themes (AtlantaFX Primer) plus the workbench's own style sheet. */
public enum Theme {
  LIGHT,
  DARK;

  public void apply(Scene scene) {
    Application.setUserAgentStylesheet(
        this == LIGHT
            ? new PrimerLight().getUserAgentStylesheet()
            : new PrimerDark().getUserAgentStylesheet());
    scene.getRoot().getStyleClass().remove("dark");
    if (this == DARK) {
      scene.getRoot().getStyleClass().add("dark");
    }
  }
}
