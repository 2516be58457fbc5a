package org.vfioworkbench.ui.kernel;

import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;

/**
 * The edits the workbench's gestures ask for, answered the way the kernel would answer the
 * open/bind/close calls behind them. The UI never decides these itself; an implementation backs
 * them with the engine.
 */
public interface KernelEdits {

  /** Moves {@code function} to {@code target} (a drag from anywhere onto a lane or the void). */
  Attempt move(Topology topology, Profile profile, Bdf function, DropTarget target);

  /** Whether the attempts are checked against the kernel's rules (false: files edited as asked). */
  boolean checksKernelRules();
}
