/** The info view and its view model. */
package org.vfioworkbench.ui.info;
