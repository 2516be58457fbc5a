package org.vfioworkbench.model;

import java.util.Objects;

/** An fd on {@code /dev/vfio/vfio}, referring to a {@link Container} by id. */
public record ContainerFile(int fd, String container) implements OpenFile {

  public ContainerFile {
    Objects.requireNonNull(container, "container");
  }

  @Override
  public String describe() {
    return "/dev/vfio/vfio (container " + container + ")";
  }
}
