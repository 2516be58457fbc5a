package org.vfioworkbench.host.capture;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A portable record of exactly what a scan read from a host: every file's contents, every symlink's
 * target, every directory listing and every read that failed, keyed by absolute path. Replaying it
 * through {@link CaptureFs} gives the reader the same answers the host gave. The entries have no
 * order; files list them sorted by path.
 */
public record Capture(CaptureInfo info, Map<String, CaptureEntry> entries) {

  /** The value of the {@code format} field that marks a capture file. */
  public static final String FORMAT = "vfio-workbench-capture";

  /** The capture format version this build writes and reads. */
  public static final int VERSION = 1;

  public Capture {
    Objects.requireNonNull(info, "info");
    // A hash map: replaying a 150,000-entry capture is mostly lookups by long, similar paths.
    entries = Collections.unmodifiableMap(new HashMap<>(entries));
  }

  public Optional<CaptureEntry> entry(String path) {
    return Optional.ofNullable(entries.get(path));
  }

  public int size() {
    return entries.size();
  }
}
