package org.vfioworkbench.archfixtures.layers.host;

import org.vfioworkbench.archfixtures.layers.ui.state.WorkbenchState;

/** A host reader that knows the workbench's state: a lower layer must not. */
public final class Scanner {
  public WorkbenchState state;
}
