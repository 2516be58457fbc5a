package org.vfioworkbench.ui.task;

import java.util.function.Consumer;

/**
 * Runs {@link BackgroundTask}s off the UI thread and their handlers on it. The one way the
 * workbench runs work that may be slow: analyses of big hosts, derived tables, opening files, host
 * scans and kernel-lab runs.
 */
public interface TaskExecutor {

  /** Starts {@code task}; its handlers run on the UI thread. */
  <T> TaskHandle execute(BackgroundTask<T> task);

  /** Runs {@code action} on the UI thread, after the events being handled now. */
  void runOnUi(Runnable action);

  /**
   * Adds a receiver of failures of tasks without their own failure handler (the status bar and a
   * notification). Failures are logged whether or not anybody listens.
   */
  void onFailure(Consumer<TaskFailure> listener);

  /** Runs every task on the calling thread, at once; for tests and command-line use. */
  static TaskExecutor currentThread() {
    return new CurrentThreadTaskExecutor();
  }
}
