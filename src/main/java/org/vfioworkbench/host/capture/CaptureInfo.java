package org.vfioworkbench.host.capture;

import java.util.Objects;

/**
 * Where and when a capture was taken.
 *
 * @param createdBy the program that wrote it ("vfio-workbench 0.1.0")
 * @param createdAt ISO-8601 instant, or empty
 * @param hostname the captured host's name, or empty
 * @param kernel the captured host's kernel release ({@code /proc/sys/kernel/osrelease}), or empty
 * @param source what was read: "live host /" or "directory /srv/tree"
 */
public record CaptureInfo(
    String createdBy, String createdAt, String hostname, String kernel, String source) {

  public CaptureInfo {
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(source, "source");
  }
}
