/** The trace view and its view model. */
package org.vfioworkbench.ui.trace;
