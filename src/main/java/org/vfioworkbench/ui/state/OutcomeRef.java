package org.vfioworkbench.ui.state;

import java.util.Objects;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;

/**
 * Names one simulated call whose trace the Trace view shows: a HOT_RESET variant on a device fd, or
 * (with an empty kind) INFO on that fd.
 *
 * @param fd the device fd the ioctl is called on
 * @param kind the HOT_RESET construction, or {@code null} for INFO
 */
public record OutcomeRef(FdRef fd, ResetVariant.Kind kind) {

  public OutcomeRef {
    Objects.requireNonNull(fd, "fd");
  }

  public static OutcomeRef info(FdRef fd) {
    return new OutcomeRef(fd, null);
  }

  public boolean isInfo() {
    return kind == null;
  }
}
