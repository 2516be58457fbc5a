package org.vfioworkbench.ui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.vfioworkbench.engine.report.ReportFormat;
import org.vfioworkbench.engine.report.ReportSubject;
import org.vfioworkbench.engine.report.ReviewReport;
import org.vfioworkbench.io.AtomicFiles;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.state.WorkbenchState;

/**
 * File › Export report: the review report of the open document under its profile (and the compare
 * profile, when one is on), written by the generator the command line uses.
 */
public final class ReportExport {

  private ReportExport() {}

  /** The report of what the views show now, or empty before the first analysis. */
  public static Optional<ReviewReport> report(WorkbenchState state) {
    WorkbenchState.Results r = state.results();
    if (r == null) {
      return Optional.empty();
    }
    Document doc = state.document();
    String source = doc.file() != null ? doc.file().toString() : doc.title();
    ReportSubject subject =
        new ReportSubject(
            doc.scenario().name().isBlank() ? doc.title() : doc.scenario().name(),
            source,
            r.analysis().topology(),
            r.analysis().profile());
    return Optional.of(
        ReviewReport.of(
            subject, r.analysis(), Optional.ofNullable(r.compare()).map(c -> c.profile())));
  }

  /** The format a file name asks for: Markdown for {@code .md}/{@code .markdown}, else text. */
  public static ReportFormat formatFor(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".md") || name.endsWith(".markdown")
        ? ReportFormat.MARKDOWN
        : ReportFormat.TEXT;
  }

  /** Writes the report atomically; false when there is nothing analysed yet. */
  public static boolean write(WorkbenchState state, Path file, ReportFormat format)
      throws IOException {
    Optional<ReviewReport> report = report(state);
    if (report.isEmpty()) {
      return false;
    }
    AtomicFiles.write(file, report.get().render(format).getBytes(StandardCharsets.UTF_8));
    return true;
  }
}
