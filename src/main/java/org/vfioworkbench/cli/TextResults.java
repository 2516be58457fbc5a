package org.vfioworkbench.cli;

import java.io.PrintWriter;
import java.util.List;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.Outcome;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.report.ResultText;
import org.vfioworkbench.model.Bdf;

/**
 * Plain-text renderings of INFO and HOT_RESET results, in kernel developers' words: the report's
 * {@link ResultText}, printed.
 */
final class TextResults {

  private TextResults() {}

  /**
   * One line per diagnostic ("warning ownership-conflict qemu fd 5: ..."), under a heading; a
   * single "Diagnostics: none" line when there are none.
   */
  static void diagnostics(PrintWriter out, List<Diagnostic> list, String indent) {
    if (list.isEmpty()) {
      out.println(indent + "Diagnostics: none");
      return;
    }
    out.println(indent + "Diagnostics (" + list.size() + "):");
    for (Diagnostic d : list) {
      out.println(indent + "  " + ResultText.diagnostic(d));
    }
  }

  static String infoSummary(InfoResult r) {
    return ResultText.infoSummary(r);
  }

  static String infoShort(InfoResult r) {
    return ResultText.infoShort(r);
  }

  static void entries(PrintWriter out, InfoResult r, String indent) {
    ResultText.entries(r).forEach(l -> out.println(indent + l));
  }

  static String resetSummary(ResetResult r) {
    return ResultText.resetSummary(r);
  }

  /** The deciding (last) trace step. */
  static String decidingStep(Outcome r) {
    return ResultText.decidingStep(r);
  }

  static void trace(PrintWriter out, List<TraceStep> steps, String indent) {
    ResultText.trace(steps).forEach(l -> out.println(indent + l));
  }

  static String bdfs(List<Bdf> list) {
    return ResultText.bdfs(list);
  }
}
