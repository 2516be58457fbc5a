package org.vfioworkbench.scenario;

import java.util.Optional;

/**
 * A scenario file that cannot be read, or cannot be written. The message is one line meant for
 * users: {@code file:line:column: $.json.path: what is wrong}.
 */
public final class ScenarioException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String jsonPath;
  private final String problem;

  /**
   * @param source the file name as given
   * @param line 1-based line, 0 when unknown
   * @param column 1-based column, 0 when unknown
   * @param jsonPath where in the document, {@code $.holders[1].files[2].group}; empty when unknown
   * @param problem what is wrong, in words
   */
  public ScenarioException(String source, int line, int column, String jsonPath, String problem) {
    super(format(source, line, column, jsonPath, problem));
    this.source = source;
    this.line = line;
    this.column = column;
    this.jsonPath = jsonPath;
    this.problem = problem;
  }

  /** A problem with the file as a whole (cannot read it, cannot write it). */
  public static ScenarioException ofFile(String source, String problem) {
    return new ScenarioException(source, 0, 0, "", problem);
  }

  public String source() {
    return source;
  }

  /** 1-based line, if known. */
  public Optional<Integer> line() {
    return line > 0 ? Optional.of(line) : Optional.empty();
  }

  /** 1-based column, if known. */
  public Optional<Integer> column() {
    return column > 0 ? Optional.of(column) : Optional.empty();
  }

  /** The JSON path of the problem, empty when it concerns the whole file. */
  public String jsonPath() {
    return jsonPath;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }

  private static String format(String source, int line, int column, String path, String problem) {
    StringBuilder b = new StringBuilder(source);
    if (line > 0) {
      b.append(':').append(line);
      if (column > 0) {
        b.append(':').append(column);
      }
    }
    b.append(": ");
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append(problem).toString();
  }
}
