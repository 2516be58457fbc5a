package org.vfioworkbench.engine;

import java.util.Objects;

/**
 * One way a holder could call HOT_RESET on a device fd.
 *
 * @param kind which construction
 * @param request the header and fd array it builds
 * @param description how the array was built, in words
 */
public record ResetVariant(Kind kind, ResetRequest request, String description) {

  /** The constructions the workbench and the CLI try. */
  public enum Kind {
    /** The zero-length array: what a cdev user (QEMU's iommufd backend) sends. */
    EMPTY_ARRAY("empty array"),
    /** The holder's group fds for the affected functions' groups: what QEMU's legacy backend sends. */
    INFO_GROUPS("affected groups held"),
    /** Every group fd the holder has open. */
    ALL_HOLDER_GROUPS("all held groups"),
    /** The holder's device fds for the affected devices (only proof under a design-review profile). */
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
  }
}
