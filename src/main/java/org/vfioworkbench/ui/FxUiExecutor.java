package org.vfioworkbench.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.vfioworkbench.ui.state.UiExecutor;

/** Runs work on one background thread and delivers results on the FX thread. */
final class FxUiExecutor implements UiExecutor {

  private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "workbench-analysis");
    t.setDaemon(true);
    return t;
  });

  @Override
  public <T> void submit(Supplier<T> work, Consumer<T> onResult) {
    pool.submit(() -> {
      T result = work.get();
      Platform.runLater(() -> onResult.accept(result));
    });
  }
}
