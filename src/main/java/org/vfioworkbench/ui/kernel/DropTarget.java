package org.vfioworkbench.ui.kernel;

import java.util.Objects;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.model.Bdf;

/** Where a function can be dropped on the graph: a holder's lane, or the unowned area. */
public sealed interface DropTarget {

  /** What the drop does, in words ("qemu-vm1's cdev lane"). */
  String describe();

  /** The engine edit a drop of {@code function} here asks for. */
  Edit edit(Bdf function);

  /** The holder's cdev lane: cdev-open the function and bind it into the holder's iommufd. */
  record CdevLane(String holder) implements DropTarget {
    public CdevLane {
      Objects.requireNonNull(holder, "holder");
    }

    @Override
    public String describe() {
      return holder + "'s cdev lane";
    }

    @Override
    public Edit edit(Bdf function) {
      return new Edit.MoveToCdev(holder, function);
    }
  }

  /** The holder's group lane: open the function's group and a device fd through it. */
  record GroupLane(String holder) implements DropTarget {
    public GroupLane {
      Objects.requireNonNull(holder, "holder");
    }

    @Override
    public String describe() {
      return holder + "'s group lane";
    }

    @Override
    public Edit edit(Bdf function) {
      return new Edit.MoveToGroup(holder, function);
    }
  }

  /** Nobody: close every fd that holds the function. */
  record Unowned() implements DropTarget {
    @Override
    public String describe() {
      return "the unowned area";
    }

    @Override
    public Edit edit(Bdf function) {
      return new Edit.Release(function);
    }
  }
}
