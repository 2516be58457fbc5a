package org.vfioworkbench.ui.task;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs each {@link BackgroundTask} as a {@code javafx.concurrent.Task} on a pool of daemon threads:
 * progress and handlers reach the FX thread through the task's own machinery, a cancel sets the
 * task's flag, runs its hooks and interrupts the thread, and a failure is logged and reported,
 * never dropped.
 */
public final class FxTaskExecutor implements TaskExecutor {

  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "workbench-task-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
  private final FailureListeners failures = new FailureListeners();

  @Override
  public <T> TaskHandle execute(BackgroundTask<T> task) {
    Task<T> fx =
        new Task<>() {
          {
            updateTitle(task.title());
          }

          @Override
          protected T call() throws Exception {
            task.progressTo(
                (message, fraction) -> {
                  if (message != null) {
                    updateMessage(message);
                  }
                  updateProgress(fraction < 0 ? -1 : Math.min(1, fraction), 1);
                });
            return task.call();
          }
        };
    fx.setOnSucceeded(
        e -> {
          if (task.isCancelled()) {
            task.wasCancelled();
          } else {
            task.succeeded(fx.getValue());
          }
        });
    fx.setOnFailed(
        e -> {
          if (task.isCancelled()) {
            task.wasCancelled();
          } else {
            failures.failed(task, fx.getException());
          }
        });
    fx.setOnCancelled(e -> task.wasCancelled());
    pool.execute(fx);
    return new TaskHandle() {
      @Override
      public void cancel() {
        task.cancel();
        fx.cancel(true);
      }

      @Override
      public boolean isDone() {
        return fx.isDone();
      }

      @Override
      public Optional<Worker<?>> worker() {
        return Optional.of(fx);
      }
    };
  }

  @Override
  public void runOnUi(Runnable action) {
    Platform.runLater(action);
  }

  @Override
  public void onFailure(Consumer<TaskFailure> listener) {
    failures.add(listener);
  }
}
