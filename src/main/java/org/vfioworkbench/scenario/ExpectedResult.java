package org.vfioworkbench.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.model.Bdf;

/**
 * The fields an expectation states; absent fields are not compared.
 *
 * @param failed whether the call fails (any errno)
 * @param ret 0 or -errno
 * @param errno the error of a failure
 * @param flags INFO's flags
 * @param count INFO's count
 * @param devices INFO's entries (compared as a set, keyed by address)
 * @param reset the functions HOT_RESET reset (compared as a set)
 * @param decidedBy the kernel function of the last trace step
 */
public record ExpectedResult(
    Optional<Boolean> failed,
    OptionalInt ret,
    Optional<Errno> errno,
    Optional<Set<InfoFlag>> flags,
    OptionalInt count,
    Optional<List<ExpectedEntry>> devices,
    Optional<List<Bdf>> reset,
    Optional<String> decidedBy) {

  public ExpectedResult {
    Objects.requireNonNull(failed, "failed");
    Objects.requireNonNull(ret, "ret");
    Objects.requireNonNull(errno, "errno");
    Objects.requireNonNull(flags, "flags");
    Objects.requireNonNull(count, "count");
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(reset, "reset");
    Objects.requireNonNull(decidedBy, "decidedBy");
    flags = flags.map(Set::copyOf);
    devices = devices.map(List::copyOf);
    reset = reset.map(List::copyOf);
  }

  /** True when no field is stated. */
  public boolean isEmpty() {
    return failed.isEmpty()
        && ret.isEmpty()
        && errno.isEmpty()
        && flags.isEmpty()
        && count.isEmpty()
        && devices.isEmpty()
        && reset.isEmpty()
        && decidedBy.isEmpty();
  }
}
