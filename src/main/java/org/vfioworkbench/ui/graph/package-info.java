/** The graph view and its view model. */
package org.vfioworkbench.ui.graph;
