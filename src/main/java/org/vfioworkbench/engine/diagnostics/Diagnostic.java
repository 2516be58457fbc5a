package org.vfioworkbench.engine.diagnostics;

import java.util.Objects;

/**
 * One thing wrong with a state.
 *
 * @param severity how bad it is
 * @param kind which class of problem, with a stable code for scripts and lessons
 * @param message one line, naming the kernel fact behind it
 * @param subject the function, group or fd to blame
 */
public record Diagnostic(Severity severity, Kind kind, String message, Subject subject) {

  /** The classes of problem the engine finds. Codes are stable: scripts and lessons use them. */
  public enum Kind {
    /** A vfio group whose DMA ownership a member on a DMA-API driver claims. */
    NON_VIABLE_GROUP("non-viable-group", "Non-viable group", Severity.WARNING),
    /** A vfio device with no reset scope, or whose scope reaches outside its dev-set. */
    NEVER_RESETTABLE("never-resettable", "Never hot-resettable", Severity.WARNING),
    /** An open device whose holder cannot reset it with any array of the fds it holds. */
    OWNERSHIP_CONFLICT("ownership-conflict", "Ownership conflict", Severity.WARNING),
    /** A vfio device nobody holds, whose group is missing from a failing reset. */
    UNHELD_DEVICE_BLOCKS_RESET(
        "unheld-device-blocks-reset", "Unheld device blocks a reset", Severity.WARNING),
    /** A device fd on a function whose group is not viable: the kernel would not hand it out. */
    DEVICE_FD_IN_NON_VIABLE_GROUP(
        "device-fd-in-non-viable-group", "Device fd in non-viable group", Severity.ERROR),
    /** An open or a driver bind that the kernel would have refused: the state cannot exist. */
    KERNEL_REFUSAL("kernel-refusal", "Unreachable state", Severity.ERROR),
    /** Something a host scan could not read: what it says about the host is partial. */
    HOST_UNREADABLE("host-unreadable", "Could not be read", Severity.WARNING),
    /** A fact a host scan inferred or found missing (a hidden bridge, no IOMMU groups, …). */
    HOST_FACT_INFERRED("host-fact-inferred", "Partial or inferred fact", Severity.NOTE);

    private final String code;
    private final String label;
    private final Severity severity;

    Kind(String code, String label, Severity severity) {
      this.code = code;
      this.label = label;
      this.severity = severity;
    }

    /** "non-viable-group": the stable code. */
    public String code() {
      return code;
    }

    /** How the kind is used most of the time. */
    public Severity severity() {
      return severity;
    }

    /** The kind with this code. */
    public static java.util.Optional<Kind> ofCode(String code) {
      for (Kind k : values()) {
        if (k.code.equals(code)) {
          return java.util.Optional.of(k);
        }
      }
      return java.util.Optional.empty();
    }

    @Override
    public String toString() {
      return label;
    }
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(subject, "subject");
  }

  /** A diagnostic of {@code kind} at the kind's usual severity. */
  public static Diagnostic of(Kind kind, String message, Subject subject) {
    return new Diagnostic(kind.severity(), kind, message, subject);
  }

  /** "warning non-viable-group function 0000:01:00.1: group 1 is not viable: ...". */
  @Override
  public String toString() {
    return severity.code() + " " + kind.code() + " " + subject.describe() + ": " + message;
  }
}
