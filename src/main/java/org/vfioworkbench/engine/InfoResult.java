package org.vfioworkbench.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reply to {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO}: the return value, the header the kernel
 * wrote back (if it wrote one), the entries it copied out, and the checks that got there.
 *
 * @param ret 0 or -errno
 * @param errno the error, empty on success
 * @param headerWritten whether the kernel copied a header back to user space
 * @param argsz the argsz in the header (never changed by the kernel)
 * @param flags the flags in the header
 * @param count the count in the header
 * @param entries the entries copied to user space (some -ENOSPC variants copy a partial list)
 * @param trace the checks evaluated
 */
public record InfoResult(
    int ret,
    Optional<Errno> errno,
    boolean headerWritten,
    long argsz,
    Set<InfoFlag> flags,
    int count,
    List<InfoEntry> entries,
    List<TraceStep> trace)
    implements Outcome {

  public InfoResult {
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    entries = List.copyOf(entries);
    trace = LazyTrace.freeze(trace);
  }

  public static InfoResult failure(Errno errno, long argsz, List<TraceStep> trace) {
    return new InfoResult(
        errno.ret(), Optional.of(errno), false, argsz, Set.of(), 0, List.of(), trace);
  }

  public boolean hasFlag(InfoFlag flag) {
    return flags.contains(flag);
  }

  /** The flags word as the kernel wrote it. */
  public int flagsMask() {
    return InfoFlag.mask(flags);
  }
}
