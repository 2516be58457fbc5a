package org.vfioworkbench.engine.remedy;

import java.util.List;
import java.util.Objects;
import org.vfioworkbench.model.Bdf;

/**
 * Why no edit of open files or drivers makes a reset succeed.
 *
 * @param kind the class of reason
 * @param reason in words
 * @param functions the functions the reason is about
 */
public record NoRemedy(Kind kind, String reason, List<Bdf> functions) {

  /** The classes of reason. */
  public enum Kind {
    /** No slot or bus reset reaches the device: the hardware cannot be hot reset. */
    NO_RESET_SCOPE,
    /** A function in the reset scope has no IOMMU group, so INFO and the reset fail with EPERM. */
    FUNCTION_WITHOUT_GROUP,
    /**
     * The reset scope reaches a bridge or a vfio device of another dev_set: no vfio user can vouch
     * for those, so the kernel refuses the reset whatever is passed.
     */
    OUTSIDE_DEV_SET,
    /** A passing condition (a lock held, a device busy) makes the reset fail now; retry later. */
    TRANSIENT,
    /**
     * The reset scope holds a PF, on a host driver, whose VFs exist: vfio-pci refuses to bind it
     * (vfio_pci_core_register_device, -EBUSY), so it can never be in the dev_set.
     */
    PF_WITH_VFS,
    /** None of the edits the explainer tries helps; the trace says what the kernel checked. */
    NONE_FOUND
  }

  public NoRemedy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    functions = List.copyOf(functions);
  }
}
