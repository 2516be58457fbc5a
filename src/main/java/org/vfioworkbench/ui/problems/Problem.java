package org.vfioworkbench.ui.problems;

import java.util.Objects;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * Something on the host that stops a hot reset or VFIO use, with the element to blame.
 *
 * @param kind which class of problem
 * @param summary one line
 * @param culprit where double-clicking goes
 */
public record Problem(Kind kind, String summary, ElementRef culprit) {

  /** The classes of problem the view lists. */
  public enum Kind {
    NON_VIABLE_GROUP("Non-viable group"),
    NEVER_RESETTABLE("Never hot-resettable"),
    OWNERSHIP_CONFLICT("Ownership conflict");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(culprit, "culprit");
  }
}
