package org.vfioworkbench.lab;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancel handle of a lab run. Create one per run, pass it to {@link
 * KernelProvider#kernel(LabListener, Cancellation)}, {@link KernelLab#run(LabCase, LabListener,
 * Cancellation)} and {@link HostPackages.Installer#install}, and call {@link #cancel()} from any
 * thread (the workbench's task executor does when the user presses Cancel, the {@code lab} command
 * on Ctrl-C):
 *
 * <pre>{@code
 * Cancellation cancel = new Cancellation();
 * task.setOnCancelled(e -> cancel.cancel());              // any thread, returns at once
 * Path kernel = KernelProvider.locate().kernel(listener, cancel);
 * LabOutcome outcome = new KernelLab(options).run(labCase, listener, cancel);
 * }</pre>
 *
 * <p>{@code cancel()} sends SIGTERM to every process the run started through {@link LabProcesses}
 * (the kernel build script with its {@code make} and compilers, {@code apt-get}, QEMU) and to all
 * their descendants, and SIGKILL to whatever is still alive after the grace period. It does not
 * block. The run then throws {@link LabCancelledException} promptly (at the latest once the killed
 * processes are gone), and every later step refuses to start. A cancelled handle stays cancelled.
 */
public final class Cancellation {

  /** How long processes get to exit after SIGTERM before they are killed. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

  private final Duration grace;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /** A handle with the {@link #DEFAULT_GRACE default grace period}. */
  public Cancellation() {
    this(DEFAULT_GRACE);
  }

  /** A handle whose processes get {@code grace} between SIGTERM and SIGKILL. */
  public Cancellation(Duration grace) {
    this.grace = Objects.requireNonNull(grace, "grace");
  }

  /** Stops every process of the run and makes the run throw {@link LabCancelledException}. */
  public void cancel() {
    cancelled = true;
    for (Process p : running) {
      LabProcesses.stop(p, grace);
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws {@link LabCancelledException} naming {@code what} when cancelled. */
  public void check(String what) {
    if (cancelled) {
      throw new LabCancelledException(what);
    }
  }

  Duration grace() {
    return grace;
  }

  /** Tracks {@code p} until it exits; stops it at once if the run is already cancelled. */
  void track(Process p, String what) {
    running.add(p);
    p.onExit().thenRun(() -> running.remove(p));
    if (cancelled) {
      LabProcesses.stop(p, grace);
      throw new LabCancelledException(what);
    }
  }
}
