package org.vfioworkbench.engine;

import java.util.Optional;

/**
 * What every simulated call returns: {@code 0} or {@code -errno}, and the checks that decided it.
 */
public interface Outcome {

  /** The ioctl's return value: 0 or {@code -errno}. */
  int ret();

  /** The error, empty on success. */
  Optional<Errno> errno();

  /** The checks evaluated, in order; the last one decided. */
  java.util.List<TraceStep> trace();

  default boolean succeeded() {
    return ret() == 0;
  }

  /** "0" or "-EINVAL". */
  default String retLabel() {
    return errno().map(Errno::negated).orElse(String.valueOf(ret()));
  }
}
