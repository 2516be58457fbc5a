/** The outcomes view and its view model. */
package org.vfioworkbench.ui.outcomes;
