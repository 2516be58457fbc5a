package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a lab run stops what it started through {@link LabProcesses}: the process and all its
 * children, SIGTERM first, SIGKILL after the grace period for those that ignore it.
 */
class LabProcessesTest {

  /** Waits until {@code p} has {@code n} descendants, so the test kills a real tree. */
  private static List<ProcessHandle> descendants(Process p, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      List<ProcessHandle> d = p.descendants().toList();
      if (d.size() >= n) {
        return d;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the fake build never started its " + n + " children");
  }

  private static void awaitDead(List<ProcessHandle> handles, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline && handles.stream().anyMatch(ProcessHandle::isAlive)) {
      Thread.sleep(20);
    }
    assertThat(handles)
        .as("processes still alive after " + within)
        .noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void cancelKillsTheProcessAndItsChildren() throws Exception {
    Cancellation cancel = new Cancellation(Duration.ofSeconds(2));
    Process p =
        LabProcesses.start(
            new ProcessBuilder("bash", "-c", "sleep 60 & sleep 60 & wait"), cancel, "a fake build");
    List<ProcessHandle> children = descendants(p, 2);
    long start = System.nanoTime();

    cancel.cancel();

    assertThat(System.nanoTime() - start)
        .as("cancel() does not block")
        .isLessThan(TimeUnit.SECONDS.toNanos(1));
    awaitDead(List.of(p.toHandle()), Duration.ofSeconds(2));
    awaitDead(children, Duration.ofSeconds(2));
    assertThat(cancel.isCancelled()).isTrue();
  }

  @Test
  void processesThatIgnoreSigtermAreKilledAfterTheGracePeriod() throws Exception {
    Cancellation cancel = new Cancellation(Duration.ofMillis(600));
    Process p =
        LabProcesses.start(
            new ProcessBuilder("bash", "-c", "trap '' TERM; sleep 60 & sleep 60 & wait"),
            cancel,
            "a stubborn build");
    List<ProcessHandle> children = descendants(p, 2);

    cancel.cancel();
    Thread.sleep(150);
    assertThat(p.isAlive())
        .as("SIGTERM is ignored, so it lives until the grace period ends")
        .isTrue();

    awaitDead(List.of(p.toHandle()), Duration.ofSeconds(3));
    awaitDead(children, Duration.ofSeconds(3));
  }

  @Test
  void nothingStartsOnceTheRunIsCancelled() {
    Cancellation cancel = new Cancellation();
    cancel.cancel();

    assertThatThrownBy(
            () -> LabProcesses.start(new ProcessBuilder("sleep", "60"), cancel, "booting QEMU"))
        .isInstanceOf(LabCancelledException.class)
        .hasMessageContaining("booting QEMU")
        .hasMessageContaining("cancelled");
  }
}
