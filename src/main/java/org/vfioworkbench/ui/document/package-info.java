/**
 * The open document as a value: the scenario (with its profile and expectations), where it came
 * from, whether it may be edited, and the revision it was saved at; the edits that change it and
 * the values the undo history keeps. No JavaFX properties live here.
 */
package org.vfioworkbench.ui.document;
