/** The problems view and its view model. */
package org.vfioworkbench.ui.problems;
