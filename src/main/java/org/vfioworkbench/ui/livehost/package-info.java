/** The workbench's live-host mode: attach to this host (read-only), refresh, and open captures. */
package org.vfioworkbench.ui.livehost;
