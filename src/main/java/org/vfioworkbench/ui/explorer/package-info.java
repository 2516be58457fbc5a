/** The explorer view and its view model. */
package org.vfioworkbench.ui.explorer;
