package org.vfioworkbench.archfixtures.clean.ui;

import javafx.beans.property.SimpleIntegerProperty;
import org.vfioworkbench.archfixtures.clean.engine.Derive;
import org.vfioworkbench.archfixtures.clean.model.Value;
import org.vfioworkbench.archfixtures.clean.ui.task.Executor;

/** A view that uses the engine and the executor. */
public final class View {
  private final SimpleIntegerProperty shown = new SimpleIntegerProperty();

  public void show(Value v) {
    Executor.run(() -> shown.set(Derive.twice(v)));
  }
}
