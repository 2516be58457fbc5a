package org.vfioworkbench.engine.remedy;

import java.util.List;
import java.util.Objects;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.Topology;

/**
 * A change that makes the reset succeed, verified: the edit was applied through the kernel's rules
 * and the caller's natural reset re-evaluated on the result.
 *
 * @param title what it does, in the words of the issue ("move 0000:02:00.1 into iommufd A")
 * @param edit the edit, ready for a workbench to apply as one undoable step
 * @param cost what else it takes, from whom (empty when it takes nothing from anyone)
 * @param after the state the edit leads to
 * @param reset the natural reset the caller makes there
 * @param result the kernel's answer to it (always a success)
 */
public record Remedy(
    String title,
    Edit edit,
    List<String> cost,
    Topology after,
    ResetVariant reset,
    ResetResult result) {

  public Remedy {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(edit, "edit");
    cost = List.copyOf(cost);
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(reset, "reset");
    Objects.requireNonNull(result, "result");
  }
}
