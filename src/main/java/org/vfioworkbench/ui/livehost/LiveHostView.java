package org.vfioworkbench.ui.livehost;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Window;
import javafx.util.Duration;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.LiveHostSession;
import org.vfioworkbench.host.ScanListener;
import org.vfioworkbench.host.ScanPhase;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.ui.task.BackgroundTask;
import org.vfioworkbench.ui.task.TaskExecutor;
import org.vfioworkbench.ui.task.TaskHandle;
import org.vfioworkbench.ui.task.TaskProgress;
import org.vfioworkbench.ui.task.TaskProgressDialog;

/**
 * "Attach to this host": scans {@code /} (sysfs, /proc, /dev; read-only, nothing is ever written to
 * the host) as a background task with a progress dialog and Cancel, hands the result to the
 * workbench, and re-scans on demand or on a timer, reporting what changed since the last scan.
 * {@link #detach} (another document was opened) stops the timer and any running scan.
 */
public final class LiveHostView {

  /** Where scans come from: this host's live session, or a fake in tests. */
  @FunctionalInterface
  public interface HostWatch {
    /** Scans again; see {@link LiveHostSession#refresh}. */
    LiveHostSession.Refresh refresh(ScanListener listener);
  }

  private final Window owner;
  private final TaskExecutor executor;
  private final Supplier<HostWatch> hosts;
  private final BiConsumer<LiveHostSession.Refresh, Boolean> onScan;
  private final Consumer<String> status;
  private final BooleanProperty refreshing = new SimpleBooleanProperty(this, "refreshing");
  private HostWatch session;
  private Timeline timer;
  private TaskHandle running;
  private int seconds = 10;

  /**
   * @param hosts a new watch of the host for each attach
   * @param onScan receives each scan, with true for the first one (open it) and false for refreshes
   *     (replace the topology, show the changes)
   * @param status one-line messages for the status bar
   */
  public LiveHostView(
      Window owner,
      TaskExecutor executor,
      Supplier<HostWatch> hosts,
      BiConsumer<LiveHostSession.Refresh, Boolean> onScan,
      Consumer<String> status) {
    this.owner = owner;
    this.executor = Objects.requireNonNull(executor, "executor");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.onScan = Objects.requireNonNull(onScan, "onScan");
    this.status = Objects.requireNonNull(status, "status");
    refreshing.addListener((o, a, on) -> timer(on));
  }

  /** This machine: {@code /}, read-only. */
  public static Supplier<HostWatch> thisHost() {
    return () -> new LiveHostSession(new HostScanner(new LiveFs(Path.of("/"))))::refresh;
  }

  /** Scans this host with a progress dialog and opens the result. */
  public void attach() {
    detach();
    session = hosts.get();
    TaskHandle h = scan(true);
    TaskProgressDialog.show(
        owner, h, "Attach to this host", "Reading sysfs, /proc and /dev (read-only)…");
  }

  /** Re-scans and reports what changed; does nothing while a scan runs or before attaching. */
  public void refresh() {
    if (session == null) {
      status.accept("Not attached: use File › Attach to this host first");
      return;
    }
    if (running != null && !running.isDone()) {
      return;
    }
    status.accept("Re-scanning this host…");
    scan(false);
  }

  /** Starts or stops re-scanning every {@code every} seconds. */
  public void refreshEvery(int every, boolean on) {
    seconds = every;
    refreshing.set(on);
    timer(on);
  }

  /** Whether the timed re-scan runs; the File menu's check item follows it. */
  public BooleanProperty refreshingProperty() {
    return refreshing;
  }

  /** Stops the timer and any running scan and forgets the host (another document was opened). */
  public void detach() {
    refreshing.set(false);
    if (running != null && !running.isDone()) {
      running.cancel();
    }
    running = null;
    session = null;
  }

  public boolean attached() {
    return session != null;
  }

  private void timer(boolean on) {
    if (timer != null) {
      timer.stop();
      timer = null;
    }
    if (on) {
      timer = new Timeline(new KeyFrame(Duration.seconds(seconds), e -> refresh()));
      timer.setCycleCount(Timeline.INDEFINITE);
      timer.play();
    }
  }

  /** One scan as a task; a first scan that does not succeed leaves the view detached. */
  private TaskHandle scan(boolean first) {
    HostWatch s = session;
    boolean[] succeeded = {false};
    BackgroundTask<LiveHostSession.Refresh> task =
        BackgroundTask.of(
                first ? "Attaching to this host" : "Re-scanning this host",
                progress -> s.refresh(listener(progress)))
            .onSuccess(
                r -> {
                  succeeded[0] = true;
                  if (session == s) {
                    onScan.accept(r, first);
                  }
                })
            .onCancelled(() -> status.accept("Scan cancelled; nothing changed"))
            .onFinished(
                () -> {
                  if (first && !succeeded[0] && session == s) {
                    session = null;
                  }
                });
    running = executor.execute(task);
    return running;
  }

  /** A scan's progress and cancel, through a background task's progress. */
  public static ScanListener listener(TaskProgress progress) {
    return new ScanListener() {
      @Override
      public void progress(ScanPhase phase, int done, int total) {
        progress.update(
            "Reading " + phase.label() + " (" + done + " of " + total + ")",
            phase.overall(done, total));
      }

      @Override
      public boolean cancelled() {
        return progress.isCancelled();
      }
    };
  }
}
