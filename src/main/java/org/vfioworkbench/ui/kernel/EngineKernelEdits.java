package org.vfioworkbench.ui.kernel;

import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.Topology;

/** {@link KernelEdits} backed by the engine's {@link KernelCalls}. */
final class EngineKernelEdits implements KernelEdits {

  @Override
  public Attempt move(Topology topology, Profile profile, Bdf function, DropTarget target) {
    if (target instanceof DropTarget.CdevLane c) {
      return KernelCalls.moveToCdev(topology, profile, c.holder(), function);
    }
    if (target instanceof DropTarget.GroupLane g) {
      return KernelCalls.moveToGroup(topology, profile, g.holder(), function);
    }
    return KernelCalls.release(topology, function);
  }

  @Override
  public Attempt bind(Topology topology, Profile profile, Bdf function, Driver driver) {
    return KernelCalls.setDriver(topology, profile, function, driver);
  }
}
