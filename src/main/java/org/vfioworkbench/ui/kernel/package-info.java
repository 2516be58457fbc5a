/**
 * The bridge between the workbench's gestures (drag a function onto a lane) and the kernel calls
 * they stand for. The UI asks {@link org.vfioworkbench.ui.kernel.KernelEdits}, backed by the engine's
 * {@code KernelCalls}; it never decides
 * itself whether the kernel would allow an open, a bind or a close.
 */
package org.vfioworkbench.ui.kernel;
