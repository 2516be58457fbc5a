package org.vfioworkbench.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.ui.FxTestBase;

/**
 * The JavaFX executor: work off the FX thread, handlers on it, failures said, cancel that stops.
 */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest extends FxTestBase {

  private final TaskExecutor executor = new FxTaskExecutor();

  @Start
  void start(Stage stage) {
    stage.show();
  }

  @Test
  void workRunsOffTheFxThreadAndTheResultArrivesOnIt() throws Exception {
    AtomicBoolean workOnFx = new AtomicBoolean(true);
    AtomicBoolean handlerOnFx = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<Integer> value = new AtomicReference<>();
    WaitForAsyncUtils.asyncFx(
        () ->
            executor.execute(
                BackgroundTask.of(
                        "Counting",
                        p -> {
                          workOnFx.set(Platform.isFxApplicationThread());
                          p.update("half way", 0.5);
                          return 42;
                        })
                    .onSuccess(
                        v -> {
                          handlerOnFx.set(Platform.isFxApplicationThread());
                          value.set(v);
                          done.countDown();
                        })));
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(workOnFx).isFalse();
    assertThat(handlerOnFx).isTrue();
    assertThat(value.get()).isEqualTo(42);
  }

  @Test
  void aFailureWithoutAHandlerReachesTheFailureListenersOnTheFxThread() throws Exception {
    List<TaskFailure> failures = new CopyOnWriteArrayList<>();
    CountDownLatch failed = new CountDownLatch(1);
    AtomicBoolean onFx = new AtomicBoolean();
    executor.onFailure(
        f -> {
          onFx.set(Platform.isFxApplicationThread());
          failures.add(f);
          failed.countDown();
        });
    WaitForAsyncUtils.asyncFx(
        () ->
            executor.execute(
                BackgroundTask.of(
                    "Deriving the outcomes",
                    p -> {
                      throw new IllegalStateException("stale analysis");
                    })));
    assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(onFx).isTrue();
    assertThat(failures)
        .singleElement()
        .extracting(TaskFailure::message)
        .isEqualTo("Deriving the outcomes failed: stale analysis");
  }

  @Test
  void aFailureHandlerOfTheTaskReplacesTheDefaultReport() throws Exception {
    List<TaskFailure> failures = new CopyOnWriteArrayList<>();
    executor.onFailure(failures::add);
    CountDownLatch handled = new CountDownLatch(1);
    WaitForAsyncUtils.asyncFx(
        () ->
            executor.execute(
                BackgroundTask.<Void>of(
                        "Opening x.json",
                        p -> {
                          throw new java.io.IOException("x.json: line 3: unexpected end");
                        })
                    .onFailure(e -> handled.countDown())));
    assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(failures).isEmpty();
  }

  @Test
  void cancelStopsTheWorkRunsItsHooksAndNeverDeliversAResult() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch workEnded = new CountDownLatch(1);
    CountDownLatch cancelledHandler = new CountDownLatch(1);
    AtomicBoolean hookRan = new AtomicBoolean();
    AtomicBoolean succeeded = new AtomicBoolean();
    AtomicReference<TaskHandle> handle = new AtomicReference<>();
    WaitForAsyncUtils.asyncFx(
            () ->
                handle.set(
                    executor.execute(
                        BackgroundTask.of(
                                "Endless scan",
                                p -> {
                                  p.onCancel(() -> hookRan.set(true));
                                  started.countDown();
                                  try {
                                    while (!p.isCancelled()) {
                                      Thread.sleep(20);
                                    }
                                    return "stopped";
                                  } finally {
                                    workEnded.countDown();
                                  }
                                })
                            .onSuccess(v -> succeeded.set(true))
                            .onCancelled(cancelledHandler::countDown))))
        .get(10, TimeUnit.SECONDS);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(handle.get().isDone()).isFalse();
    WaitForAsyncUtils.asyncFx(() -> handle.get().cancel()).get(10, TimeUnit.SECONDS);
    assertThat(workEnded.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(cancelledHandler.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(hookRan).isTrue();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(succeeded).isFalse();
    assertThat(handle.get().isDone()).isTrue();
  }

  @Test
  void progressReachesTheWorkerForTheProgressDialog() throws Exception {
    CountDownLatch reported = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<TaskHandle> handle = new AtomicReference<>();
    WaitForAsyncUtils.asyncFx(
            () ->
                handle.set(
                    executor.execute(
                        BackgroundTask.of(
                            "Scanning",
                            p -> {
                              p.update("Reading PCI functions (3 of 4)", 0.75);
                              reported.countDown();
                              release.await();
                              return null;
                            }))))
        .get(10, TimeUnit.SECONDS);
    assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
    WaitForAsyncUtils.waitForFxEvents();
    var worker = handle.get().worker().orElseThrow();
    String seen =
        WaitForAsyncUtils.asyncFx(
                () ->
                    worker.getTitle() + " | " + worker.getMessage() + " | " + worker.getProgress())
            .get(10, TimeUnit.SECONDS);
    assertThat(seen).isEqualTo("Scanning | Reading PCI functions (3 of 4) | 0.75");
    release.countDown();
  }
}
