package org.vfioworkbench.lab;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts the lab's external processes (the kernel build script, {@code apt-get}, QEMU) so that a
 * {@link Cancellation} can stop them with everything they started: SIGTERM to the process and every
 * descendant, SIGKILL after a grace period to whatever is still alive.
 */
public final class LabProcesses {

  private LabProcesses() {}

  /**
   * Starts {@code builder} tracked by {@code cancellation}; {@code what} names the step in the
   * {@link LabCancelledException} thrown when the run is (or becomes) cancelled.
   */
  public static Process start(ProcessBuilder builder, Cancellation cancellation, String what)
      throws IOException {
    cancellation.check(what);
    Process p = builder.start();
    cancellation.track(p, what);
    return p;
  }

  /**
   * Stops {@code p} and its descendants without blocking: SIGTERM now (the descendants are
   * collected first, since they are re-parented once {@code p} is gone), SIGKILL to every one still
   * alive after {@code grace}, including children started in the meantime.
   */
  public static void stop(Process p, Duration grace) {
    List<ProcessHandle> tree = tree(p.toHandle());
    tree.forEach(ProcessHandle::destroy);
    CompletableFuture.runAsync(
        () -> {
          List<ProcessHandle> now = new ArrayList<>(tree);
          for (ProcessHandle h : tree) {
            if (h.isAlive()) {
              h.descendants().forEach(now::add);
            }
          }
          now.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        },
        CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Stops {@code p} as {@link #stop} does and waits up to {@code grace} plus a second. */
  public static void stopAndWait(Process p, Duration grace) throws InterruptedException {
    List<ProcessHandle> tree = tree(p.toHandle());
    stop(p, grace);
    long deadline = System.nanoTime() + grace.toNanos() + TimeUnit.SECONDS.toNanos(1);
    for (ProcessHandle h : tree) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        h.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // still going: the forced kill is scheduled
      }
    }
  }

  private static List<ProcessHandle> tree(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    return tree;
  }
}
