package org.vfioworkbench.engine.plan;

import java.util.Objects;

/**
 * An edge of the {@link HostGraph}: what joins two vertices. An identity object, as JGraphT wants
 * edges to be.
 */
public final class Link {

  /** The kinds of edge. */
  public enum Kind {
    /** Function to its IOMMU group. */
    IN_GROUP,
    /** Function to its reset domain (dev-set). */
    IN_RESET_DOMAIN,
    /** Process to one of its fds. */
    HOLDS,
    /** Fd to the function it opens (a device fd or a cdev). */
    OPENS_DEVICE,
    /** Fd to the group it opens (a group file). */
    OPENS_GROUP
  }

  private final Kind kind;

  public Link(Kind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public String toString() {
    return kind.name();
  }
}
