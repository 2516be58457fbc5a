package org.vfioworkbench.engine;

import org.vfioworkbench.model.FdRef;

/**
 * The two hot-reset ioctls, evaluated against one fixed topology under one profile. Calls never
 * throw for any fd or argument: every input gets the kernel's answer, with its trace.
 */
public interface HotResetSimulator {

  /** {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO} on {@code caller} with a buffer of {@code argsz}. */
  InfoResult info(FdRef caller, long argsz);

  /** {@code VFIO_DEVICE_PCI_HOT_RESET} on {@code caller}. */
  ResetResult hotReset(FdRef caller, ResetRequest request);
}
