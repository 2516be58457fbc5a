package org.vfioworkbench.host;

import java.util.Objects;

/**
 * Something a scan could not read, and what was left out because of it.
 *
 * @param path the file or directory that failed ({@code /proc/4242/fd})
 * @param what what the scan was reading, in words ("open files of process 4242")
 * @param error why it failed ("permission denied", "process exited during the scan")
 */
public record ScanProblem(String path, String what, String error) {

  public ScanProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(error, "error");
  }

  @Override
  public String toString() {
    return path + ": " + error + " (" + what + ")";
  }
}
