package org.vfioworkbench.ui.state;

import java.util.Objects;
import org.vfioworkbench.engine.HotResetSimulator;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;

/**
 * Names one simulated call whose trace the Trace view shows: a HOT_RESET variant on a device fd, or
 * (with an empty kind) INFO on that fd with the argsz the caller passed.
 *
 * @param fd the device fd the ioctl is called on
 * @param kind the HOT_RESET construction, or {@code null} for INFO
 * @param argsz for INFO, the argsz passed in (the INFO view's); unused for HOT_RESET
 */
public record OutcomeRef(FdRef fd, ResetVariant.Kind kind, long argsz) {

  public OutcomeRef {
    Objects.requireNonNull(fd, "fd");
  }

  /** A HOT_RESET variant, or INFO with a large enough buffer. */
  public OutcomeRef(FdRef fd, ResetVariant.Kind kind) {
    this(fd, kind, HotResetSimulator.LARGE_ARGSZ);
  }

  public static OutcomeRef info(FdRef fd) {
    return new OutcomeRef(fd, null);
  }

  /** INFO called with this argsz. */
  public static OutcomeRef info(FdRef fd, long argsz) {
    return new OutcomeRef(fd, null, argsz);
  }

  public boolean isInfo() {
    return kind == null;
  }
}
