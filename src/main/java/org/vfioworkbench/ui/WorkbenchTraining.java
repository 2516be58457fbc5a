package org.vfioworkbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.vfioworkbench.io.DirectoryTrees;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.learn.LearnPerspective;
import org.vfioworkbench.ui.learn.LearnProgress;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.task.FxTaskExecutor;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * The workbench's part of the packaging's training run ({@code Launcher --startup-training-gui}),
 * run under {@code -XX:DumpLoadedClassList} when the package is built: opens the window as a user's
 * first start does, on the seed sample, selects a device, then opens the generated 2,000-function
 * host and selects one of its devices, and closes the window. The classes this loads (JavaFX's, the
 * graph's, the views') are what the package's class-data-sharing archive for the workbench holds
 * (packaging/cds-archive.sh), so the workbench starts from mapped, pre-parsed classes as the
 * command line does. Needs a display (the build runs it under Xvfb); it writes nothing the user
 * keeps: its window layout goes to a temporary directory, its Learn progress to a preferences node
 * of its own, and both are removed.
 */
public final class WorkbenchTraining {

  /** How long one step (a window, a layout) may take before the training gives up. */
  private static final long STEP_SECONDS = 60;

  private static final System.Logger LOG = System.getLogger("vfio-workbench");

  /** Where the training's Learn progress is kept instead of the user's. */
  static final String PREFS_NODE = "org/vfioworkbench/startup-training";

  private WorkbenchTraining() {}

  /**
   * Starts JavaFX, runs the training and exits JavaFX; returns what did not happen (no display, a
   * step that did not finish), or nothing when the training ran through.
   */
  public static Optional<String> run() {
    Path config;
    try {
      config = Files.createTempDirectory("vfio-workbench-training");
      PaintSettings.apply();
      Platform.startup(() -> {});
    } catch (Exception e) {
      return Optional.of("the workbench training could not start: " + e);
    }
    try {
      train(config);
      return Optional.empty();
    } catch (Exception e) {
      return Optional.of("the workbench training did not finish: " + e);
    } finally {
      Platform.exit();
      deleteTree(config);
    }
  }

  /**
   * The training itself, on a running JavaFX: one line per host shown, naming the device selected
   * and the chips drawn for it.
   */
  static List<String> train(Path config) throws Exception {
    Preferences prefs = Preferences.userRoot().node(PREFS_NODE);
    TaskExecutor executor = new FxTaskExecutor();
    WorkbenchWindow w = onUi(executor, () -> open(config, executor, prefs));
    try {
      List<String> shown = new ArrayList<>();
      for (Sample s : List.of(BuiltInSamples.all().get(0), BuiltInSamples.generated(2000))) {
        onUi(executor, () -> w.openSample(s));
        WorkbenchScreenshot.waitForGraph(w, executor);
        Bdf device =
            onUi(
                executor,
                () -> {
                  Bdf first =
                      w.state().results().analysis().devices().keySet().stream()
                          .sorted()
                          .findFirst()
                          .orElseThrow(
                              () -> new IllegalStateException(s.name() + " has no device"));
                  w.state().select(new ElementRef.FunctionRef(first));
                  return first;
                });
        WorkbenchScreenshot.waitForGraph(w, executor);
        // the views the selection fills, laid out and painted
        Thread.sleep(1500);
        int chips = onUi(executor, () -> WorkbenchScreenshot.graph(w).chipCount());
        shown.add(s.name() + ": " + device + " selected, " + chips + " chips drawn");
      }
      return shown;
    } finally {
      onUi(
          executor,
          () -> {
            w.stage().close();
            return null;
          });
      try {
        prefs.removeNode();
      } catch (BackingStoreException | IllegalStateException e) {
        LOG.log(System.Logger.Level.WARNING, "could not remove the training's preferences: " + e);
      }
    }
  }

  private static WorkbenchWindow open(Path config, TaskExecutor executor, Preferences prefs) {
    WorkbenchWindow w = new WorkbenchWindow(new Stage(), config, executor);
    // a first start's Learn welcome included
    LearnPerspective.install(w, w::showView, new LearnProgress(prefs));
    w.stage().setWidth(1600);
    w.stage().setHeight(1000);
    w.stage().show();
    return w;
  }

  private static <T> T onUi(TaskExecutor executor, java.util.concurrent.Callable<T> c)
      throws Exception {
    CompletableFuture<T> done = new CompletableFuture<>();
    executor.runOnUi(
        () -> {
          try {
            done.complete(c.call());
          } catch (Exception e) {
            done.completeExceptionally(e);
          }
        });
    return done.get(STEP_SECONDS, TimeUnit.SECONDS);
  }

  private static void onUi(TaskExecutor executor, Runnable r) throws Exception {
    onUi(
        executor,
        () -> {
          r.run();
          return null;
        });
  }

  private static void deleteTree(Path dir) {
    try {
      DirectoryTrees.removeWhatCan(dir);
    } catch (java.io.IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not remove " + dir + ": " + e.getMessage());
    }
  }
}
