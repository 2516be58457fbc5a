/**
 * Captures: one portable file holding exactly what a scan read (file contents, symlink targets,
 * directory listings, failed reads), written while scanning through {@link
 * org.vfioworkbench.host.capture.RecordingFs} and replayed through {@link
 * org.vfioworkbench.host.capture.CaptureFs}.
 */
package org.vfioworkbench.host.capture;
