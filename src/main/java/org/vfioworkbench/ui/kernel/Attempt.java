package org.vfioworkbench.ui.kernel;

import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.model.Topology;

/** The outcome of asking for an edit: the new topology, or the kernel's refusal. */
public sealed interface Attempt {

  /** The edit is allowed. {@code note} says what was done or what was not checked. */
  record Allowed(Topology after, String note) implements Attempt {
    public Allowed {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(note, "note");
    }
  }

  /** The kernel (or the model) refuses it: {@code -EBUSY: group 20 is open ...}. */
  record Refused(Optional<Errno> errno, String reason) implements Attempt {
    public Refused {
      Objects.requireNonNull(errno, "errno");
      Objects.requireNonNull(reason, "reason");
    }

    /** "-EBUSY: group 20 is open through the legacy interface by qemu-vm1". */
    public String message() {
      return errno.map(e -> e.negated() + ": " + reason).orElse(reason);
    }
  }

  default boolean allowed() {
    return this instanceof Allowed;
  }
}
