package org.vfioworkbench.cli;

import java.io.PrintWriter;

/**
 * A left-aligned text table printed: the report's {@link
 * org.vfioworkbench.engine.report.TextTable}.
 */
final class TextTable {

  private final org.vfioworkbench.engine.report.TextTable table;

  TextTable(String... header) {
    this.table = new org.vfioworkbench.engine.report.TextTable(header);
  }

  void row(String... cells) {
    table.row(cells);
  }

  void print(PrintWriter out) {
    table.lines().forEach(out::println);
  }
}
