package org.vfioworkbench.model;

import java.util.Objects;

/** An IOMMU group: the platform's DMA-isolation unit. Members point at it by id. */
public record IommuGroup(int id, GroupKind kind) {

  public IommuGroup {
    Objects.requireNonNull(kind, "kind");
    if (id < 0) {
      throw new IllegalArgumentException("IOMMU group id must not be negative: " + id);
    }
  }

  /**
   * The VFIO group node for this group, e.g. {@code /dev/vfio/20} or {@code /dev/vfio/noiommu-3}.
   */
  public String devicePath() {
    return kind == GroupKind.NOIOMMU ? "/dev/vfio/noiommu-" + id : "/dev/vfio/" + id;
  }
}
