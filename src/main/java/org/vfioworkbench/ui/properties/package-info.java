/** The properties view and its view model. */
package org.vfioworkbench.ui.properties;
