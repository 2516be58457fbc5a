package org.vfioworkbench.ui.kernel;

import java.util.Optional;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;

/**
 * Applies each gesture's file steps without asking whether the kernel would allow them: the
 * stand-in until the engine's kernel-call checks back {@link KernelEdits}. Every attempt says so.
 */
public final class UncheckedKernelEdits implements KernelEdits {

  @Override
  public Attempt move(Topology topology, Profile profile, Bdf function, DropTarget target) {
    try {
      Topology after;
      if (target instanceof DropTarget.CdevLane c) {
        after = FileTableEdits.toCdevLane(topology, c.holder(), function);
      } else if (target instanceof DropTarget.GroupLane g) {
        after = FileTableEdits.toGroupLane(topology, g.holder(), function);
      } else {
        after = FileTableEdits.toUnowned(topology, function);
      }
      return new Attempt.Allowed(after, "files edited; kernel checks not evaluated");
    } catch (IllegalArgumentException e) {
      return new Attempt.Refused(Optional.empty(), e.getMessage());
    }
  }

  @Override
  public boolean checksKernelRules() {
    return false;
  }
}
