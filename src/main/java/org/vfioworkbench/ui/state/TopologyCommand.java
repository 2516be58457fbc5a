package org.vfioworkbench.ui.state;

import java.util.Objects;
import org.vfioworkbench.model.Topology;

/**
 * One undoable edit: what it is called and the whole topology before and after it. The model is
 * immutable, so undo and redo are snapshot swaps.
 *
 * @param label what the Edit menu shows ("Move 0000:02:00.1 to qemu-vm1's cdev lane")
 * @param before the topology the edit started from
 * @param after the topology it produced
 */
public record TopologyCommand(String label, Topology before, Topology after) {

  public TopologyCommand {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
