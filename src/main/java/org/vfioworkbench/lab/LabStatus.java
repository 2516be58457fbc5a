package org.vfioworkbench.lab;

/** How a lab run of one scenario ended. */
public enum LabStatus {
  /** Every call answered as the engine said. */
  VERIFIED,
  /** At least one field of one call differs between engine and kernel. */
  DISAGREES,
  /** The lab cannot build this scenario in QEMU; nothing was run. */
  CANNOT_EXPRESS,
  /** The guest could not be set up as the scenario says (placement, drivers, groups). */
  SETUP_FAILED
}
