package org.vfioworkbench.archfixtures.frameworks.engine;

import javafx.beans.property.SimpleStringProperty;

/** The engine with a JavaFX property: must not. */
public final class FxInEngine {
  public final SimpleStringProperty name = new SimpleStringProperty();
}
