/**
 * What is wrong with a state, found by the engine once for every front end: the workbench's
 * Problems view, {@code check}, {@code evaluate} and {@code scan} in text and JSON, and lessons.
 * Start at {@link org.vfioworkbench.engine.diagnostics.Diagnostics#of}.
 */
package org.vfioworkbench.engine.diagnostics;
