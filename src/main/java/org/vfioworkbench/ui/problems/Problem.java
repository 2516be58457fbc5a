package org.vfioworkbench.ui.problems;

import java.util.Objects;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Subject;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * One row of the Problems view: an engine {@link Diagnostic} and the element to blame.
 *
 * @param diagnostic what the engine found
 * @param culprit where double-clicking goes; {@code null} for what a host scan noted about a path
 */
public record Problem(Diagnostic diagnostic, ElementRef culprit) {

  public Problem {
    Objects.requireNonNull(diagnostic, "diagnostic");
    if (culprit == null && !(diagnostic.subject() instanceof Subject.HostPath)) {
      throw new NullPointerException("culprit");
    }
  }

  /** The row of a diagnostic, its subject as the workbench's element. */
  public static Problem of(Diagnostic d) {
    return new Problem(d, culprit(d.subject()));
  }

  private static ElementRef culprit(Subject s) {
    if (s instanceof Subject.Function f) {
      return new ElementRef.FunctionRef(f.bdf());
    }
    if (s instanceof Subject.Group g) {
      return new ElementRef.GroupRef(g.group());
    }
    if (s instanceof Subject.File f) {
      return new ElementRef.FileRef(f.fd());
    }
    return null;
  }

  /** What the culprit column shows: the element, or the host path a scan note is about. */
  public String where() {
    return culprit != null ? culprit.label() : diagnostic.subject().describe();
  }

  public Diagnostic.Kind kind() {
    return diagnostic.kind();
  }

  /** One line. */
  public String summary() {
    return diagnostic.message();
  }
}
