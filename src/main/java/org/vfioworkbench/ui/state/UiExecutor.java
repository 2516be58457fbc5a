package org.vfioworkbench.ui.state;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way view models run work that may be slow: compute off the UI thread, deliver the result
 * on it. Tests use {@link #direct()}, which does both at once on the calling thread.
 */
public interface UiExecutor {

  /** Runs {@code work} and hands its result to {@code onResult} on the UI thread. */
  <T> void submit(Supplier<T> work, Consumer<T> onResult);

  /** Runs everything on the calling thread, immediately. */
  static UiExecutor direct() {
    return new UiExecutor() {
      @Override
      public <T> void submit(Supplier<T> work, Consumer<T> onResult) {
        onResult.accept(work.get());
      }
    };
  }
}
