package org.vfioworkbench.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.concurrent.Worker;

/**
 * A {@link TaskExecutor} for tests that holds background tasks until {@link #runAll()}, as a
 * background thread would, and runs UI actions at once. A cancel sets the task's flag, and a task
 * still held is dropped and told it was cancelled, as a pool drops a task cancelled before a thread
 * took it up.
 */
public final class QueuedExecutor implements TaskExecutor {
  private final List<BackgroundTask<?>> queued = new ArrayList<>();
  private final TaskExecutor now = TaskExecutor.currentThread();

  @Override
  public <T> TaskHandle execute(BackgroundTask<T> task) {
    queued.add(task);
    return new TaskHandle() {
      @Override
      public void cancel() {
        task.cancel();
        if (queued.remove(task)) {
          task.wasCancelled();
        }
      }

      @Override
      public boolean isDone() {
        return !queued.contains(task);
      }

      @Override
      public Optional<Worker<?>> worker() {
        return Optional.empty();
      }
    };
  }

  /** Runs the held tasks in the order they came, and any they add, until none is left. */
  public void runAll() {
    while (!queued.isEmpty()) {
      now.execute(queued.remove(0));
    }
  }

  /** The tasks held now. */
  public List<BackgroundTask<?>> queued() {
    return List.copyOf(queued);
  }

  @Override
  public void runOnUi(Runnable action) {
    action.run();
  }

  @Override
  public void onFailure(Consumer<TaskFailure> listener) {}
}
