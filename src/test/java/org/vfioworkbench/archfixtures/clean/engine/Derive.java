package org.vfioworkbench.archfixtures.clean.engine;

import org.vfioworkbench.archfixtures.clean.model.Value;

/** Derives from the model. */
public final class Derive {
  private Derive() {}

  public static int twice(Value v) {
    return 2 * v.n();
  }
}
