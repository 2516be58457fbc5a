package org.vfioworkbench.ui.task;

import java.util.Objects;

/**
 * A background task that failed, for the status bar and the notification.
 *
 * @param task the task's title ("Opening s37.json")
 * @param error what the work threw
 */
public record TaskFailure(String task, Throwable error) {

  public TaskFailure {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(error, "error");
  }

  /**
   * One line for the status bar: the task and the error's message (or its kind when it has none).
   */
  public String message() {
    String detail = error.getMessage();
    if (detail == null || detail.isBlank()) {
      detail = error.getClass().getSimpleName();
    }
    return task + " failed: " + detail;
  }
}
