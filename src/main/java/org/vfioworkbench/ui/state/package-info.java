/**
 * The workbench's shared state: the document and its undo history, the profiles, the selection, and
 * the engine results every view derives from. JavaFX properties live here and in view models, never
 * in the model.
 */
package org.vfioworkbench.ui.state;
