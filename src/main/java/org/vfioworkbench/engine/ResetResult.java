package org.vfioworkbench.engine;

import java.util.List;
import java.util.Optional;
import org.vfioworkbench.model.Bdf;

/**
 * The result of {@code VFIO_DEVICE_PCI_HOT_RESET}.
 *
 * @param ret 0 or -errno
 * @param errno the error, empty on success
 * @param reset the functions that were reset (the whole scope on success, none on failure)
 * @param trace the checks evaluated
 */
public record ResetResult(int ret, Optional<Errno> errno, List<Bdf> reset, List<TraceStep> trace)
    implements Outcome {

  public ResetResult {
    reset = List.copyOf(reset);
    trace = LazyTrace.freeze(trace);
  }

  public static ResetResult failure(Errno errno, List<TraceStep> trace) {
    return new ResetResult(errno.ret(), Optional.of(errno), List.of(), trace);
  }
}
