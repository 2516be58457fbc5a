package org.vfioworkbench.ui.kernel;

import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.Topology;

/**
 * The edits the workbench's gestures ask for, answered the way the kernel would answer the
 * open/bind/close calls behind them. The UI never decides these itself.
 */
public interface KernelEdits {

  /** Moves {@code function} to {@code target} (a drag onto a lane or the unowned area). */
  Attempt move(Topology topology, Profile profile, Bdf function, DropTarget target);

  /** Binds {@code function} to {@code driver}. */
  Attempt bind(Topology topology, Profile profile, Bdf function, Driver driver);

  /** The engine's kernel calls. */
  static KernelEdits engine() {
    return new EngineKernelEdits();
  }
}
