package org.vfioworkbench.ui.livehost;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.LiveHostSession;
import org.vfioworkbench.host.ScanListener;
import org.vfioworkbench.host.ScanPhase;
import org.vfioworkbench.host.fs.LiveFs;

/**
 * "Attach to this host": scans {@code /} (sysfs, /proc, /dev; read-only, nothing is ever written
 * to the host) with a progress bar, hands the result to the workbench, and re-scans on demand or
 * on a timer, reporting what changed since the last scan. Scans run on their own thread; results
 * reach the FX thread here and only here.
 */
public final class LiveHostView {

  private final Window owner;
  private final BiConsumer<LiveHostSession.Refresh, Boolean> onScan;
  private final Consumer<String> status;
  private LiveHostSession session;
  private Timeline timer;
  private volatile boolean scanning;

  /**
   * @param onScan receives each scan, with true for the first one (open it) and false for
   *     refreshes (replace the topology, show the changes)
   * @param status one-line messages for the status bar
   */
  public LiveHostView(Window owner, BiConsumer<LiveHostSession.Refresh, Boolean> onScan, Consumer<String> status) {
    this.owner = owner;
    this.onScan = onScan;
    this.status = status;
  }

  /** Scans this host with a progress dialog and opens the result. */
  public void attach() {
    session = new LiveHostSession(new HostScanner(new LiveFs(Path.of("/"))));
    Dialog<Void> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Attach to this host");
    ProgressBar bar = new ProgressBar(0);
    bar.setPrefWidth(420);
    Label what = new Label("Reading sysfs, /proc and /dev (read-only)…");
    VBox box = new VBox(8, what, bar);
    box.setPadding(new Insets(12));
    dialog.getDialogPane().setContent(box);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
    boolean[] cancelled = {false};
    dialog.setOnCloseRequest(e -> cancelled[0] = true);
    scan(new ScanListener() {
      @Override
      public void progress(ScanPhase phase, int done, int total) {
        Platform.runLater(() -> {
          bar.setProgress(phase.overall(done, total));
          what.setText("Reading " + phase.label() + " (" + done + " of " + total + ")");
        });
      }

      @Override
      public boolean cancelled() {
        return cancelled[0];
      }
    }, true, () -> Platform.runLater(dialog::close));
    dialog.show();
  }

  /** Re-scans and reports what changed; does nothing while a scan runs or before attaching. */
  public void refresh() {
    if (session == null) {
      status.accept("Not attached: use File › Attach to this host first");
      return;
    }
    status.accept("Re-scanning this host…");
    scan(ScanListener.NONE, false, () -> { });
  }

  /** Starts or stops re-scanning every {@code seconds}. */
  public void refreshEvery(int seconds, boolean on) {
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

  public boolean attached() {
    return session != null;
  }

  private void scan(ScanListener listener, boolean first, Runnable done) {
    if (scanning) {
      return;
    }
    scanning = true;
    LiveHostSession s = session;
    Thread t = new Thread(() -> {
      try {
        LiveHostSession.Refresh r = s.refresh(listener);
        if (listener.cancelled()) {
          Platform.runLater(() -> status.accept("Scan cancelled; nothing changed"));
          if (first) {
            session = null;
          }
        } else {
          Platform.runLater(() -> onScan.accept(r, first));
        }
      } catch (RuntimeException e) {
        Platform.runLater(() -> status.accept("Scan failed: " + e.getMessage()));
      } finally {
        scanning = false;
        done.run();
      }
    }, "host-scan");
    t.setDaemon(true);
    t.start();
  }
}
