package org.vfioworkbench.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.task.FxTaskExecutor;

/** Closing the lab dialog cancels the lab run: the run sees the cancel and stops. */
@ExtendWith(ApplicationExtension.class)
class VerifyOnKernelDialogTest extends FxTestBase {

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
    stage.show();
  }

  @Test
  void closingTheDialogStopsTheRunAndItsChildProcesses() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean qemuKilled = new AtomicBoolean();
    VerifyOnKernelDialog.LabRun lab =
        (name, scenario, log, progress) -> {
          progress.onCancel(() -> qemuKilled.set(true));
          log.accept("booting the guest");
          running.countDown();
          try {
            while (!progress.isCancelled()) {
              Thread.sleep(20);
            }
            throw new java.util.concurrent.CancellationException();
          } finally {
            stopped.countDown();
          }
        };
    AtomicReference<VerifyOnKernelDialog> dialog = new AtomicReference<>();
    WaitForAsyncUtils.asyncFx(
            () ->
                dialog.set(
                    VerifyOnKernelDialog.show(
                        stage, new FxTaskExecutor(), "seed", Scenario.of(Topology.empty()), lab)))
        .get(10, TimeUnit.SECONDS);
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(dialog.get().finished()).isFalse();

    WaitForAsyncUtils.asyncFx(() -> dialog.get().dialog().close()).get(10, TimeUnit.SECONDS);
    assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(qemuKilled).isTrue();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialog.get().finished()).isTrue();
    assertThat(dialog.get().verdict()).startsWith("Cancelled");
  }

  @Test
  void aFailedRunSaysWhyInTheDialog() throws Exception {
    AtomicReference<VerifyOnKernelDialog> dialog = new AtomicReference<>();
    WaitForAsyncUtils.asyncFx(
            () ->
                dialog.set(
                    VerifyOnKernelDialog.show(
                        stage,
                        new FxTaskExecutor(),
                        "seed",
                        Scenario.of(Topology.empty()),
                        (n, s, log, p) -> {
                          throw new java.io.IOException("qemu-system-x86_64 not found");
                        })))
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog.get().finished());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialog.get().verdict())
        .isEqualTo("The lab could not run: qemu-system-x86_64 not found");
    WaitForAsyncUtils.asyncFx(() -> dialog.get().dialog().close()).get(10, TimeUnit.SECONDS);
  }
}
