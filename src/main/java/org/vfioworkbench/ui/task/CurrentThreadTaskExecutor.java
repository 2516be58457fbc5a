package org.vfioworkbench.ui.task;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.concurrent.Worker;

/**
 * Runs each task on the calling thread before {@link #execute} returns, handlers included; {@link
 * #runOnUi} runs at once. Needs no JavaFX toolkit, so view models can be tested as plain objects.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

  private final FailureListeners failures = new FailureListeners();

  @Override
  public <T> TaskHandle execute(BackgroundTask<T> task) {
    T value;
    try {
      value = task.call();
    } catch (CancellationException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      task.wasCancelled();
      return DONE;
    } catch (Exception | Error e) {
      if (task.isCancelled()) {
        task.wasCancelled();
      } else {
        failures.failed(task, e);
      }
      return DONE;
    }
    if (task.isCancelled()) {
      task.wasCancelled();
    } else {
      task.succeeded(value);
    }
    return DONE;
  }

  @Override
  public void runOnUi(Runnable action) {
    action.run();
  }

  @Override
  public void onFailure(Consumer<TaskFailure> listener) {
    failures.add(listener);
  }

  private static final TaskHandle DONE =
      new TaskHandle() {
        @Override
        public void cancel() {}

        @Override
        public boolean isDone() {
          return true;
        }

        @Override
        public Optional<Worker<?>> worker() {
          return Optional.empty();
        }
      };
}
