package org.vfioworkbench.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.ui.FxTestBase;

/** The progress dialog cancels work the user gave up on, never work that has succeeded. */
@ExtendWith(ApplicationExtension.class)
class TaskProgressDialogTest extends FxTestBase {

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
    stage.show();
  }

  @Test
  void aWorkerThatSucceedsBeforeItsFutureSaysDoneIsNotCancelledWhenTheDialogHides()
      throws Exception {
    Task<Integer> work =
        new Task<>() {
          @Override
          protected Integer call() {
            return 42;
          }
        };
    AtomicInteger cancels = new AtomicInteger();
    // The handle says "not done" throughout: JavaFX sets SUCCEEDED on the UI thread from inside
    // the worker's call, so the UI thread can see SUCCEEDED before the future is done.
    TaskHandle handle = handle(work, cancels);
    WaitForAsyncUtils.asyncFx(() -> TaskProgressDialog.show(stage, handle, "Open", "Opening"))
        .get(10, TimeUnit.SECONDS);
    java.util.concurrent.atomic.AtomicBoolean succeeded =
        new java.util.concurrent.atomic.AtomicBoolean();
    WaitForAsyncUtils.asyncFx(() -> work.setOnSucceeded(e -> succeeded.set(true)))
        .get(10, TimeUnit.SECONDS);
    Thread worker = new Thread(work);
    worker.start();
    worker.join(10_000);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, succeeded::get);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(cancels).as("a succeeded task is not cancelled").hasValue(0);
  }

  @Test
  void closingTheDialogWhileTheWorkRunsCancelsIt() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    Task<Integer> work =
        new Task<>() {
          @Override
          protected Integer call() throws Exception {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return 1;
          }
        };
    AtomicInteger cancels = new AtomicInteger();
    TaskHandle handle = handle(work, cancels);
    WaitForAsyncUtils.asyncFx(() -> TaskProgressDialog.show(stage, handle, "Open", "Opening"))
        .get(10, TimeUnit.SECONDS);
    new Thread(work).start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()));
    // the user presses the dialog's Cancel button
    WaitForAsyncUtils.asyncFx(
            () ->
                javafx.stage.Window.getWindows().stream()
                    .filter(w -> w != stage && w.isShowing())
                    .flatMap(w -> w.getScene().getRoot().lookupAll(".button").stream())
                    .filter(b -> "Cancel".equals(((javafx.scene.control.Button) b).getText()))
                    .findFirst()
                    .map(b -> (javafx.scene.control.Button) b)
                    .orElseThrow()
                    .fire())
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    release.countDown();
    assertThat(cancels).as("closing the dialog of running work cancels it").hasValue(1);
  }

  private static TaskHandle handle(Task<Integer> work, AtomicInteger cancels) {
    return new TaskHandle() {
      @Override
      public void cancel() {
        cancels.incrementAndGet();
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public Optional<Worker<?>> worker() {
        return Optional.of(work);
      }
    };
  }
}
