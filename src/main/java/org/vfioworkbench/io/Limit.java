package org.vfioworkbench.io;

/**
 * The limits on what the product reads, so that a huge or hostile file ends in a clear error
 * instead of running out of memory or time. Each can be raised with a system property ({@code java
 * -Dvfioworkbench.maxFileBytes=67108864 ...}, or {@code JAVA_TOOL_OPTIONS} for the launchers); the
 * value is read on every use.
 */
public enum Limit {
  /** Bytes of a scenario file. */
  FILE_BYTES("vfioworkbench.maxFileBytes", 16L * 1024 * 1024, "bytes in a scenario file"),
  /** Bytes of a capture file once decompressed. */
  CAPTURE_BYTES(
      "vfioworkbench.maxCaptureBytes", 512L * 1024 * 1024, "bytes in a capture (decompressed)"),
  /** Entries (files, links, directories) in a capture. */
  CAPTURE_ENTRIES("vfioworkbench.maxCaptureEntries", 2_000_000, "entries in a capture"),
  /** Names in one directory listing (a capture's {@code dir} or a directory of a root tree). */
  DIR_ENTRIES("vfioworkbench.maxDirEntries", 1_000_000, "names in one directory"),
  /** Nesting depth of JSON objects and arrays. */
  JSON_NESTING("vfioworkbench.maxJsonNesting", 100, "levels of JSON nesting"),
  /** PCI functions in a scenario or a scanned host. */
  FUNCTIONS("vfioworkbench.maxFunctions", 32_768, "PCI functions"),
  /** Expectations in one scenario file. */
  EXPECTATIONS("vfioworkbench.maxExpectations", 2_000, "expectations in a scenario");

  private final String property;
  private final long defaultValue;
  private final String what;

  Limit(String property, long defaultValue, String what) {
    this.property = property;
    this.defaultValue = defaultValue;
    this.what = what;
  }

  /** The system property that raises (or lowers) this limit. */
  public String property() {
    return property;
  }

  public long defaultValue() {
    return defaultValue;
  }

  /** The limit in force: the system property when it holds a positive number, else the default. */
  public long value() {
    String v = System.getProperty(property);
    if (v != null) {
      try {
        long parsed = Long.parseLong(v.trim());
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // An unusable setting falls back to the default, as an absent one does.
      }
    }
    return defaultValue;
  }

  /** {@link #value()} capped to an int, for counts and array sizes. */
  public int intValue() {
    return (int) Math.min(Integer.MAX_VALUE - 8, value());
  }

  /** "more than 16777216 bytes in a scenario file (the limit; raise it with -D...=N)". */
  public String exceeded() {
    return "more than " + value() + " " + what + " (the limit; raise it with -D" + property + "=N)";
  }
}
