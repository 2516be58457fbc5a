package org.vfioworkbench.model;

import java.util.Objects;

/**
 * What a group file was attached to with {@code VFIO_GROUP_SET_CONTAINER}: a legacy container, or
 * an iommufd context in compat mode.
 */
public record DmaContextRef(Kind kind, String id) {

  /** The two kinds of DMA context a group can join. */
  public enum Kind {
    CONTAINER,
    IOMMUFD
  }

  public DmaContextRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  public static DmaContextRef container(String id) {
    return new DmaContextRef(Kind.CONTAINER, id);
  }

  public static DmaContextRef iommufd(String id) {
    return new DmaContextRef(Kind.IOMMUFD, id);
  }

  @Override
  public String toString() {
    return (kind == Kind.CONTAINER ? "container " : "iommufd ") + id;
  }
}
