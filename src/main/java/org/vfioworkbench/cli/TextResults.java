package org.vfioworkbench.cli;

import java.io.PrintWriter;
import java.util.List;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.Outcome;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.model.Bdf;

/** Plain-text renderings of INFO and HOT_RESET results, in kernel developers' words. */
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
      out.println(indent + "  " + d);
    }
  }

  /** "0, DEV_ID mode, flags 0x1 DEV_ID (DEV_ID_OWNED clear), count 2" and the like. */
  static String infoSummary(InfoResult r) {
    StringBuilder b = new StringBuilder(r.retLabel());
    if (!r.headerWritten()) {
      return b.toString();
    }
    boolean devId = r.hasFlag(InfoFlag.DEV_ID);
    if (r.succeeded()) {
      b.append(", ").append(devId ? "DEV_ID mode" : "group-id mode");
    }
    b.append(", flags 0x").append(Integer.toHexString(r.flagsMask()));
    if (devId) {
      b.append(' ').append(InfoFlag.names(r.flags()));
      if (!r.hasFlag(InfoFlag.DEV_ID_OWNED)) {
        b.append(" (DEV_ID_OWNED clear)");
      }
    }
    return b.append(", count ").append(r.count()).toString();
  }

  /**
   * The reference table's shorthand: "0, 0x1, [1, NOT_OWNED]", "0, 0x0, [G20, G21]", "-ENOSPC,
   * count 2, 0x0", "-ENODEV".
   */
  static String infoShort(InfoResult r) {
    if (!r.headerWritten()) {
      return r.retLabel();
    }
    String flags = "0x" + Integer.toHexString(r.flagsMask());
    if (!r.succeeded()) {
      return r.retLabel() + ", count " + r.count() + ", " + flags;
    }
    StringBuilder b = new StringBuilder(r.retLabel()).append(", ").append(flags).append(", [");
    for (int i = 0; i < r.entries().size(); i++) {
      InfoEntry e = r.entries().get(i);
      b.append(i > 0 ? ", " : "");
      if (!e.devIdMode()) {
        b.append('G').append(e.id());
      } else {
        b.append(
            e.isNotOwned() ? "NOT_OWNED" : e.isOwnedSentinel() ? "OWNED" : String.valueOf(e.id()));
      }
    }
    return b.append(']').toString();
  }

  static void entries(PrintWriter out, InfoResult r, String indent) {
    for (InfoEntry e : r.entries()) {
      out.println(indent + e.bdf() + "  " + e.idLabel());
    }
  }

  static String resetSummary(ResetResult r) {
    return r.succeeded() ? "0, reset " + bdfs(r.reset()) : r.retLabel();
  }

  /** The deciding (last) trace step. */
  static String decidingStep(Outcome r) {
    List<TraceStep> t = r.trace();
    return t.isEmpty() ? "no checks ran" : t.get(t.size() - 1).toString();
  }

  static void trace(PrintWriter out, List<TraceStep> steps, String indent) {
    for (TraceStep s : steps) {
      out.printf("%s%-7s %s: %s%n", indent, s.verdict(), s.function(), s.fact());
    }
  }

  static String bdfs(List<Bdf> list) {
    return list.stream().map(Bdf::toString).toList().toString();
  }
}
