package org.vfioworkbench.ui.state;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.vfioworkbench.ui.task.BackgroundTask;
import org.vfioworkbench.ui.task.TaskHandle;
import org.vfioworkbench.ui.task.TaskProgress;

/**
 * One view's content, derived from the current {@link WorkbenchState.Results} off the UI thread,
 * newest request first. At most one computation runs at a time. A request made while one runs
 * cancels it (its result is never shown, and work that polls {@link TaskProgress#isCancelled()}
 * stops at its next step) and waits until that computation has returned; only the newest waiting
 * request then starts, on the results current at that moment. A burst of edits therefore costs each
 * view one computation in flight and one waiting, not one per edit running side by side on the same
 * cores. Call on the UI thread.
 */
public final class Derivation {

  /** The work: computes a view's content from the results, polling {@code progress} if long. */
  @FunctionalInterface
  public interface Compute<T> {
    T apply(WorkbenchState.Results results, TaskProgress progress);
  }

  private final WorkbenchState state;
  private final String title;
  private Object running;
  private TaskHandle runningHandle;
  private Runnable waiting;
  private int requests;
  private int started;

  Derivation(WorkbenchState state, String title) {
    this.state = Objects.requireNonNull(state, "state");
    this.title = Objects.requireNonNull(title, "title");
  }

  /**
   * Computes {@code compute} from the current results and hands the value to {@code apply} on the
   * UI thread, unless a newer request or newer results came meanwhile. A failure is reported by the
   * executor (status bar, notification, log).
   */
  public <T> void request(Compute<T> compute, Consumer<T> apply) {
    Objects.requireNonNull(compute, "compute");
    Objects.requireNonNull(apply, "apply");
    if (state.results() == null) {
      return;
    }
    requests++;
    if (running != null) {
      waiting = () -> start(compute, apply);
      runningHandle.cancel();
      return;
    }
    start(compute, apply);
  }

  /** Whether a computation is running now (its call has not returned). */
  public boolean isRunning() {
    return running != null;
  }

  /** How many computations were started (for tests: superseded requests start none). */
  public int started() {
    return started;
  }

  private <T> void start(Compute<T> compute, Consumer<T> apply) {
    WorkbenchState.Results r = state.results();
    if (r == null) {
      return;
    }
    Object token = new Object();
    int asked = requests;
    running = token;
    started++;
    AtomicBoolean begun = new AtomicBoolean();
    BackgroundTask<T> task =
        BackgroundTask.<T>of(
                title,
                progress -> {
                  begun.set(true);
                  try {
                    return compute.apply(r, progress);
                  } finally {
                    state.executor().runOnUi(() -> returned(token));
                  }
                })
            // cancelled before its thread took it up: it never runs, so it never returns
            .onCancelled(
                () -> {
                  if (!begun.get()) {
                    returned(token);
                  }
                })
            .onSuccess(
                v -> {
                  if (asked == requests && state.results() == r) {
                    apply.accept(v);
                  }
                });
    TaskHandle handle = state.executor().execute(task);
    if (running == token) {
      runningHandle = handle;
    }
  }

  /** The computation of {@code token} returned (value, failure or cancel): start what waits. */
  private void returned(Object token) {
    if (running != token) {
      return;
    }
    running = null;
    runningHandle = null;
    Runnable next = waiting;
    waiting = null;
    if (next != null) {
      next.run();
    }
  }
}
