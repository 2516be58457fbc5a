package org.vfioworkbench.engine.diagnostics;

/** How bad a diagnostic is. */
public enum Severity {
  /** A state the kernel could not reach: the description is wrong or incomplete. */
  ERROR,
  /** Something that stops a hot reset or VFIO use of a device. */
  WARNING,
  /** Knowledge that is partial or inferred: what a scan could not read or had to guess. */
  NOTE;

  /** "error", "warning": the word the CLI prints. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
