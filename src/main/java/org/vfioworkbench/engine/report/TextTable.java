package org.vfioworkbench.engine.report;

import java.util.ArrayList;
import java.util.List;

/** A left-aligned text table: columns as wide as their widest cell, two spaces apart. */
public final class TextTable {

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  /** A table with this header row. */
  public TextTable(String... header) {
    this.columns = header.length;
    rows.add(header.clone());
  }

  /** Adds a row; it must have one cell per column. */
  public void row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    rows.add(cells.clone());
  }

  /** The header and every row, padded, trailing blanks removed. */
  public List<String> lines() {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        b.append(i + 1 < columns ? String.format("%-" + width[i] + "s  ", r[i]) : r[i]);
      }
      out.add(b.toString().stripTrailing());
    }
    return out;
  }

  /** The same rows as a Markdown table, {@code |} in cells escaped. */
  public List<String> markdown() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      StringBuilder b = new StringBuilder("|");
      for (String cell : rows.get(i)) {
        b.append(' ').append(Markdown.cell(cell)).append(" |");
      }
      out.add(b.toString());
      if (i == 0) {
        out.add("|" + " --- |".repeat(columns));
      }
    }
    return out;
  }
}
