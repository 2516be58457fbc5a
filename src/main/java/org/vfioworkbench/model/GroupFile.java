package org.vfioworkbench.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An open VFIO group file, {@code /dev/vfio/N}. The kernel allows one open file per group.
 *
 * @param fd descriptor number
 * @param group the IOMMU group id
 * @param attachedTo the container or iommufd it joined, empty when none was set
 * @param inferred true when the attachment was inferred rather than observed (live hosts)
 */
public record GroupFile(int fd, int group, Optional<DmaContextRef> attachedTo, boolean inferred)
    implements OpenFile {

  public GroupFile {
    Objects.requireNonNull(attachedTo, "attachedTo");
  }

  public static GroupFile attached(int fd, int group, DmaContextRef context) {
    return new GroupFile(fd, group, Optional.of(context), false);
  }

  public static GroupFile detached(int fd, int group) {
    return new GroupFile(fd, group, Optional.empty(), false);
  }

  @Override
  public String describe() {
    return "/dev/vfio/" + group + attachedTo.map(c -> " (" + c + ")").orElse(" (no container)");
  }
}
