package org.vfioworkbench.archfixtures.fx.host;

import software.coley.bentofx.Bento;

/** A host reader that docks views: must not. */
public final class Docked {
  public Bento bento;
}
