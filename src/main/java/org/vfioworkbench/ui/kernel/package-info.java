/**
 * The workbench's gestures as places on the graph: a {@link org.vfioworkbench.ui.kernel.DropTarget}
 * (a holder's lane, the unowned area) names the engine {@code Edit} a drop there asks for. The UI
 * never decides itself whether the kernel would allow an open, a bind or a close.
 */
package org.vfioworkbench.ui.kernel;
