package org.vfioworkbench.engine.consumer;

/**
 * The function's own resets, as QEMU and libvirt read them from config space: a Function Level
 * Reset, and a PM reset (D3hot to D0 without {@code NO_SOFT_RESET}). The topology does not record
 * these; {@link #NONE} (neither) describes the devices that need a bus or slot reset, which are the
 * ones the workbench is about.
 */
public record ResetCapabilities(boolean flr, boolean pmReset) {

  /** No FLR, no PM reset. */
  public static final ResetCapabilities NONE = new ResetCapabilities(false, false);
}
