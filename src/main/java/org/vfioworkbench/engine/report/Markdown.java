package org.vfioworkbench.engine.report;

/** Escaping for the few Markdown constructs the report uses. */
final class Markdown {

  private Markdown() {}

  /** A table cell: pipes escaped, line breaks as spaces. */
  static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ');
  }

  /** Inline code that survives backticks in the text. */
  static String code(String s) {
    String fence = s.contains("`") ? "``" : "`";
    String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
    return fence + pad + s + pad + fence;
  }
}
