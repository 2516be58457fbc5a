package org.vfioworkbench.engine;

import java.util.Objects;

/**
 * One way a holder could call HOT_RESET on a device fd.
 *
 * @param kind which construction
 * @param request the header and fd array it builds
 * @param description how the array was built, in words
 * @param groupsToOpen groups the holder would have to open before the call (hypothetical variants)
 */
public record ResetVariant(
    Kind kind, ResetRequest request, String description, java.util.List<Integer> groupsToOpen) {

  /** The constructions the workbench and the CLI try. */
  public enum Kind {
    /** The zero-length array: what a cdev user (QEMU's iommufd backend) sends. */
    EMPTY_ARRAY("empty array"),
    /**
     * The holder's group fds for the affected functions' groups: what QEMU's legacy backend sends.
     */
    INFO_GROUPS("affected groups held"),
    /** Every group fd the holder has open. */
    ALL_HOLDER_GROUPS("all held groups"),
    /**
     * Every affected group: the held ones plus the groups the holder would first have to open (a
     * bare group file is proof enough); evaluated with {@link Analysis#evaluate}.
     */
    EVERY_AFFECTED_GROUP("every affected group"),
    /**
     * The holder's device fds for the affected devices (only proof under a design-review profile).
     */
    DEVICE_FDS("device fds");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public ResetVariant {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(description, "description");
    groupsToOpen = java.util.List.copyOf(groupsToOpen);
  }

  /** A variant that uses only fds the holder already has. */
  public ResetVariant(Kind kind, ResetRequest request, String description) {
    this(kind, request, description, java.util.List.of());
  }

  /** True when evaluating it means opening groups first ({@link Analysis#evaluate}). */
  public boolean isHypothetical() {
    return !groupsToOpen.isEmpty();
  }
}
