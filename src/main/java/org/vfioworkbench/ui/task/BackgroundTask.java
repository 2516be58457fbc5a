package org.vfioworkbench.ui.task;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One piece of work to run off the UI thread, with what to do on the UI thread when it succeeds,
 * fails or is cancelled. The work receives a {@link TaskProgress} for messages, fractions and
 * cancellation. A task without its own {@link #onFailure} handler has its failure reported by the
 * executor (status bar and notification); a task with one must tell the user itself. Either way the
 * executor logs it. A task runs once.
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> implements TaskProgress {

  /** The work itself; runs on a background thread. */
  @FunctionalInterface
  public interface Work<T> {
    T call(TaskProgress progress) throws Exception;
  }

  private final String title;
  private final Work<T> work;
  private Consumer<? super T> onSuccess = v -> {};
  private Consumer<Throwable> onFailure;
  private Runnable onCancelled = () -> {};
  private Runnable onFinished = () -> {};
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
  private volatile BiConsumer<String, Double> progressSink = (m, f) -> {};
  private volatile String message = "";
  private volatile double fraction = -1;

  private BackgroundTask(String title, Work<T> work) {
    this.title = Objects.requireNonNull(title, "title");
    this.work = Objects.requireNonNull(work, "work");
  }

  /** A task called {@code title} (for logs, progress dialogs and failure messages). */
  public static <T> BackgroundTask<T> of(String title, Work<T> work) {
    return new BackgroundTask<>(title, work);
  }

  /** Runs on the UI thread with the work's result. */
  public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
    onSuccess = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** Runs on the UI thread when the work throws; replaces the executor's default report. */
  public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
    onFailure = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** Runs on the UI thread when the task was cancelled. */
  public BackgroundTask<T> onCancelled(Runnable handler) {
    onCancelled = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** Runs on the UI thread after success, failure or cancel. */
  public BackgroundTask<T> onFinished(Runnable handler) {
    onFinished = Objects.requireNonNull(handler, "handler");
    return this;
  }

  public String title() {
    return title;
  }

  /** The last progress message reported by the work. */
  public String message() {
    return message;
  }

  /** The last fraction reported by the work; negative while unknown. */
  public double fraction() {
    return fraction;
  }

  @Override
  public void update(String newMessage, double newFraction) {
    if (newMessage != null) {
      message = newMessage;
    }
    fraction = newFraction;
    progressSink.accept(newMessage, newFraction);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public void onCancel(Runnable hook) {
    cancelHooks.add(hook);
    if (cancelled.get() && cancelHooks.remove(hook)) {
      hook.run();
    }
  }

  /** Asks the work to stop: sets the flag the work polls and runs the registered hooks once. */
  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      for (Runnable hook : cancelHooks) {
        if (cancelHooks.remove(hook)) {
          hook.run();
        }
      }
    }
  }

  // ---- for executors ----

  T call() throws Exception {
    return work.call(this);
  }

  void progressTo(BiConsumer<String, Double> sink) {
    progressSink = Objects.requireNonNull(sink, "sink");
  }

  boolean hasFailureHandler() {
    return onFailure != null;
  }

  void succeeded(T value) {
    try {
      onSuccess.accept(value);
    } finally {
      onFinished.run();
    }
  }

  void failed(Throwable error) {
    try {
      if (onFailure != null) {
        onFailure.accept(error);
      }
    } finally {
      onFinished.run();
    }
  }

  void wasCancelled() {
    try {
      onCancelled.run();
    } finally {
      onFinished.run();
    }
  }
}
