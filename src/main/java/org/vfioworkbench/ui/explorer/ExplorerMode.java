package org.vfioworkbench.ui.explorer;

/** The orderings the Topology Explorer offers. */
public enum ExplorerMode {
  PCI("By PCI hierarchy"),
  IOMMU_GROUP("By IOMMU group"),
  RESET_SCOPE("By reset scope"),
  HOLDER("By holder");

  private final String label;

  ExplorerMode(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
