package org.vfioworkbench.host;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where a holder of the scanned topology came from: the process, and which of its facts were seen
 * and which inferred.
 *
 * @param holder the holder's name in the topology ({@code qemu-system-x86[4242]})
 * @param pid process id
 * @param comm {@code /proc/PID/comm}, empty when unreadable
 * @param cmdline {@code /proc/PID/cmdline} split at NUL, empty when unreadable
 * @param uid real uid from {@code /proc/PID/status}, empty when unreadable
 * @param inferred the facts about its files that were inferred, not observed
 */
public record HolderProvenance(
    String holder,
    int pid,
    String comm,
    List<String> cmdline,
    OptionalInt uid,
    List<InferredFact> inferred) {

  public HolderProvenance {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(comm, "comm");
    Objects.requireNonNull(uid, "uid");
    cmdline = List.copyOf(cmdline);
    inferred = List.copyOf(inferred);
  }

  /** The inferred fact about {@code fd}, if any. */
  public java.util.Optional<InferredFact> inferredFor(int fd) {
    return inferred.stream().filter(f -> f.fd() == fd).findFirst();
  }
}
