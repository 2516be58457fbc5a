package org.vfioworkbench.scenario;

/**
 * One thing wrong with a scenario document, at a JSON path. Thrown by the checks while mapping and
 * turned into a {@link ScenarioException} with the file name and location by the loader.
 */
final class Problem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final int line;
  private final int column;
  private final boolean atKey;

  /** A problem at {@code path}; its line and column are looked up from the path. */
  Problem(String path, String message) {
    this(path, message, 0, 0);
  }

  /** A problem whose location is known already (syntax errors). */
  Problem(String path, String message, int line, int column) {
    this(path, message, line, column, false);
  }

  private Problem(String path, String message, int line, int column, boolean atKey) {
    super(message, null, false, false);
    this.path = path;
    this.line = line;
    this.column = column;
    this.atKey = atKey;
  }

  /** A problem with a member's name rather than its value (an unknown field). */
  static Problem atKey(String path, String message) {
    return new Problem(path, message, 0, 0, true);
  }

  boolean isAtKey() {
    return atKey;
  }

  String path() {
    return path;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
