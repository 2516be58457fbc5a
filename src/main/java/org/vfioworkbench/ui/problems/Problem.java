package org.vfioworkbench.ui.problems;

import java.util.Objects;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Subject;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * One row of the Problems view: an engine {@link Diagnostic} and the element to blame.
 *
 * @param diagnostic what the engine found
 * @param culprit where double-clicking goes
 */
public record Problem(Diagnostic diagnostic, ElementRef culprit) {

  public Problem {
    Objects.requireNonNull(diagnostic, "diagnostic");
    Objects.requireNonNull(culprit, "culprit");
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
    return new ElementRef.FileRef(((Subject.File) s).fd());
  }

  public Diagnostic.Kind kind() {
    return diagnostic.kind();
  }

  /** One line. */
  public String summary() {
    return diagnostic.message();
  }
}
