package org.vfioworkbench.host.proc;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A process that holds VFIO-related fds.
 *
 * @param pid process id
 * @param comm {@code /proc/PID/comm}, empty when unreadable
 * @param cmdline {@code /proc/PID/cmdline} split at NUL
 * @param uid real uid, empty when unreadable
 * @param capSysRawio whether CAP_SYS_RAWIO is in its effective set (needed for no-IOMMU groups)
 * @param fds its VFIO-related fds, by number
 */
public record ProcessFacts(
    int pid,
    String comm,
    List<String> cmdline,
    OptionalInt uid,
    boolean capSysRawio,
    List<VfioFd> fds) {

  public ProcessFacts {
    Objects.requireNonNull(comm, "comm");
    Objects.requireNonNull(uid, "uid");
    cmdline = List.copyOf(cmdline);
    fds = List.copyOf(fds);
  }
}
