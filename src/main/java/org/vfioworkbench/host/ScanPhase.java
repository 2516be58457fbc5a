package org.vfioworkbench.host;

/** The steps of a scan, in order, with the share of the progress bar each takes. */
public enum ScanPhase {
  PCI_FUNCTIONS("PCI functions", 0.0, 0.55),
  SLOTS("slots", 0.55, 0.6),
  VFIO_NODES("VFIO nodes", 0.6, 0.62),
  IOMMU_GROUPS("IOMMU groups", 0.62, 0.7),
  PROCESSES("processes", 0.7, 1.0);

  private final String label;
  private final double start;
  private final double end;

  ScanPhase(String label, double start, double end) {
    this.label = label;
    this.start = start;
    this.end = end;
  }

  public String label() {
    return label;
  }

  /**
   * The overall fraction done (0..1) when {@code done} of {@code total} items of this phase are.
   */
  public double overall(int done, int total) {
    double inPhase = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    return start + (end - start) * inPhase;
  }
}
