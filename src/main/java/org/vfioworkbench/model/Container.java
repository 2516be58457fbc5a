package org.vfioworkbench.model;

import java.util.Objects;

/** A legacy VFIO container: an open {@code /dev/vfio/vfio}, named so that files can refer to it. */
public record Container(String id, ContainerType type) {

  public Container {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
  }
}
