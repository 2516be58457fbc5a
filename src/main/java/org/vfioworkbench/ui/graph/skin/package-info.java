/** One JavaFX skin per graph element type: functions, buses, hulls, scopes, holders, lanes, fds. */
package org.vfioworkbench.ui.graph.skin;
