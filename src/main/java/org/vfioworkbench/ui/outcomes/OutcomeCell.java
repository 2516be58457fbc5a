package org.vfioworkbench.ui.outcomes;

import org.vfioworkbench.engine.ResetVariant;

/**
 * One HOT_RESET variant on one device fd.
 *
 * @param kind the construction
 * @param request how the fd array was built, in words, with its fds
 * @param label "✔" or the errno ("-EINVAL")
 * @param succeeded whether the ioctl returned 0
 * @param compareLabel in compare mode, the other profile's label when it differs; else empty
 */
public record OutcomeCell(
    ResetVariant.Kind kind, String request, String label, boolean succeeded, String compareLabel) {

  public static final String SUCCESS = "\u2714";

  /** Shown where a variant builds no array at all: it would repeat the empty-array call. */
  public static final String SAME_AS_EMPTY = "= empty";

  public boolean changed() {
    return !compareLabel.isEmpty();
  }

  /** "✔", or "-EINVAL → ✔" when the compare profile differs. */
  public String text() {
    return changed() ? label + " \u2192 " + compareLabel : label;
  }
}
