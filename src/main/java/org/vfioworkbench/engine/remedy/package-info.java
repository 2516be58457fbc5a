/**
 * Why a hot reset fails and what would fix it. {@link org.vfioworkbench.engine.remedy.Explainer}
 * names the functions that stand in the way, who holds them, and a ranked list of {@link
 * org.vfioworkbench.engine.remedy.Remedy remedies}: each one an {@link
 * org.vfioworkbench.engine.Edit} the engine applied to a copy of the state through the kernel's
 * open and bind rules and re-evaluated, so only edits the kernel allows and that make the reset
 * succeed are offered. A workbench applies a remedy's edit as one undoable step.
 */
package org.vfioworkbench.engine.remedy;
