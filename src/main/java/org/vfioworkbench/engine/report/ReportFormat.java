package org.vfioworkbench.engine.report;

import java.util.Locale;
import java.util.Optional;

/** The two forms a report is written in. */
public enum ReportFormat {
  /** Plain text, as a terminal or a mailing-list reply shows it. */
  TEXT("text", "txt"),
  /** Markdown with tables and fenced blocks, for issue trackers and review tools. */
  MARKDOWN("markdown", "md");

  private final String id;
  private final String extension;

  ReportFormat(String id, String extension) {
    this.id = id;
    this.extension = extension;
  }

  /** "text" or "markdown", as the command line spells it. */
  public String id() {
    return id;
  }

  /** The usual file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The format named {@code id} ("text", "markdown", "md", "txt"), if any. */
  public static Optional<ReportFormat> byId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    for (ReportFormat f : values()) {
      if (f.id.equals(wanted) || f.extension.equals(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
