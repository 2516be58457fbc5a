/**
 * The "Why not, and how to fix it" view: for the selected device fd, the functions in the way of
 * its natural reset (group, driver, holders), the kernel check that decided, what QEMU would print,
 * and the remedies {@link org.vfioworkbench.engine.remedy.Explainer} verified, each applied as one
 * undoable step.
 */
package org.vfioworkbench.ui.explain;
