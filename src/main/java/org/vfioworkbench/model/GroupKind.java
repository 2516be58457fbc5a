package org.vfioworkbench.model;

/** Whether an IOMMU group is backed by a real IOMMU or fabricated by VFIO's no-IOMMU mode. */
public enum GroupKind {
  IOMMU,
  /** {@code vfio-noiommu}: one function, node {@code /dev/vfio/noiommu-N}, needs CAP_SYS_RAWIO. */
  NOIOMMU
}
