package org.vfioworkbench.model;

/** The IOMMU driver a legacy container was set to with {@code VFIO_SET_IOMMU}. */
public enum ContainerType {
  TYPE1,
  NOIOMMU,
  SPAPR
}
