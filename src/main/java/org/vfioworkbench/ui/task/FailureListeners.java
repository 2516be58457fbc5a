package org.vfioworkbench.ui.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs every failure (with its stack trace when the task has no handler of its own, which then
 * means something unexpected) and hands those without a task-level handler to the listeners.
 */
final class FailureListeners {

  private static final Logger LOG = Logger.getLogger("org.vfioworkbench.ui.task");

  private final List<Consumer<TaskFailure>> listeners = new CopyOnWriteArrayList<>();

  void add(Consumer<TaskFailure> listener) {
    listeners.add(listener);
  }

  <T> void failed(BackgroundTask<T> task, Throwable error) {
    TaskFailure f = new TaskFailure(task.title(), error);
    if (task.hasFailureHandler()) {
      LOG.log(Level.WARNING, f.message());
    } else {
      LOG.log(Level.WARNING, f.message(), error);
    }
    try {
      task.failed(error);
    } finally {
      if (!task.hasFailureHandler()) {
        listeners.forEach(l -> l.accept(f));
      }
    }
  }
}
