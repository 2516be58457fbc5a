package org.vfioworkbench.host.proc;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.vfioworkbench.host.fs.HostNumbers;

/**
 * One VFIO-related fd of a process, as {@code /proc} shows it.
 *
 * @param fd descriptor number
 * @param kind what it points at
 * @param target the symlink target ({@code /dev/vfio/13})
 * @param syspath for a group-derived device fd, the {@code vfio-device-syspath} its fdinfo shows
 *     (Linux 6.18+); empty when the kernel does not show it
 */
public record VfioFd(int fd, VfioFdKind kind, String target, Optional<String> syspath) {

  public VfioFd {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(syspath, "syspath");
  }

  /** The group number of a group file ({@code /dev/vfio/noiommu-3} gives 3). */
  public int groupId() {
    return groupIdOf(target)
        .orElseThrow(() -> new IllegalStateException("not a group file: " + target));
  }

  /**
   * The group number a group file's path names, empty when it names none ({@code
   * /dev/vfio/99999999999} does not fit a group id).
   */
  public static OptionalInt groupIdOf(String target) {
    String n = target.substring(target.lastIndexOf('/') + 1);
    return HostNumbers.parse(n.startsWith("noiommu-") ? n.substring(8) : n);
  }

  /** The cdev name of a cdev fd ({@code vfio3}). */
  public String cdevName() {
    return target.substring(target.lastIndexOf('/') + 1);
  }
}
