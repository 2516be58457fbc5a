package org.vfioworkbench.ui.task;

import java.util.Optional;
import javafx.concurrent.Worker;

/** A submitted task: cancel it, ask whether it ended, show its progress. */
public interface TaskHandle {

  /** Stops the work: the task's cancel flag and hooks, and an interrupt of its thread. */
  void cancel();

  /** True once the task succeeded, failed or was cancelled. */
  boolean isDone();

  /** The JavaFX worker behind the task, for a progress dialog; empty when it ran synchronously. */
  Optional<Worker<?>> worker();
}
