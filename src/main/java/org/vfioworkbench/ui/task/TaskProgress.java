package org.vfioworkbench.ui.task;

/**
 * What running work sees of its task: where to report progress, whether it was cancelled, and where
 * to register what must happen on cancel (kill a child process, close a stream).
 */
public interface TaskProgress {

  /** A progress that reports nowhere and is never cancelled. */
  TaskProgress NONE =
      new TaskProgress() {
        @Override
        public void update(String message, double fraction) {}

        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public void onCancel(Runnable hook) {}
      };

  /**
   * Reports progress.
   *
   * @param message what is being done, or {@code null} to keep the last message
   * @param fraction done so far, 0 to 1, or a negative number when unknown
   */
  void update(String message, double fraction);

  /** True once the task was cancelled; long work checks it and stops. */
  boolean isCancelled();

  /** Runs {@code hook} when the task is cancelled (at once if it already was). */
  void onCancel(Runnable hook);
}
