package org.vfioworkbench.ui.graph;

import java.util.Objects;
import org.vfioworkbench.ui.kernel.DropTarget;

/**
 * What dropping the dragged function on a target would do.
 *
 * @param target the lane or area under the pointer
 * @param allowed whether the kernel would allow it
 * @param message the refusal ({@code -EBUSY: ...}) or what the drop does
 */
public record DropPreview(DropTarget target, boolean allowed, String message) {

  public DropPreview {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(message, "message");
  }
}
