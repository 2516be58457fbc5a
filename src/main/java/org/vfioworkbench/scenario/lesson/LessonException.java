package org.vfioworkbench.scenario.lesson;

/**
 * A lesson file that cannot be used. The message is one line for users: {@code source: where: what
 * is wrong}.
 */
public final class LessonException extends Exception {

  private static final long serialVersionUID = 1L;

  public LessonException(String source, String where, String problem) {
    super(source + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
  }

  public LessonException(String source, String where, String problem, Throwable cause) {
    super(source + ": " + (where.isEmpty() ? "" : where + ": ") + problem, cause);
  }
}
