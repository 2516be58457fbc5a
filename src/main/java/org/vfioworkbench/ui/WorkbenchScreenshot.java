package org.vfioworkbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.graph.PngExport;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.task.FxTaskExecutor;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * Renders the workbench on a sample and writes a PNG of the whole window: the README's picture.
 * Usage: {@code WorkbenchScreenshot OUTPUT.png [SAMPLE_INDEX [WIDTH HEIGHT [VIEW]]]}, VIEW a view
 * id brought to front ("explain"); run under Xvfb or Monocle.
 */
public final class WorkbenchScreenshot {

  private WorkbenchScreenshot() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "assets/workbench.png");
    int sample = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Path config = Files.createTempDirectory("workbench-shot");
    Platform.startup(() -> {});
    CompletableFuture<WorkbenchWindow> shown = new CompletableFuture<>();
    TaskExecutor executor = new FxTaskExecutor();
    executor.runOnUi(
        () -> {
          Stage stage = new Stage();
          WorkbenchWindow w = new WorkbenchWindow(stage, config, executor);
          Sample s = BuiltInSamples.all().get(sample);
          w.openSample(s);
          java.util.prefs.Preferences shotPrefs =
              java.util.prefs.Preferences.userRoot().node("org/vfioworkbench/screenshot-learn");
          org.vfioworkbench.ui.learn.LearnProgress progress =
              new org.vfioworkbench.ui.learn.LearnProgress(shotPrefs);
          progress.markWelcomeSeen();
          org.vfioworkbench.ui.learn.LearnPerspective.install(w, w::showView, progress);
          try {
            shotPrefs.removeNode();
          } catch (java.util.prefs.BackingStoreException e) {
            System.getLogger("vfio-workbench")
                .log(System.Logger.Level.DEBUG, "screenshot prefs: " + e);
          }
          w.state().select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0")));
          stage.setWidth(args.length > 2 ? Double.parseDouble(args[2]) : 1600);
          stage.setHeight(args.length > 3 ? Double.parseDouble(args[3]) : 1000);
          stage.show();
          if (args.length > 4) {
            for (org.vfioworkbench.ui.docking.ViewId v :
                org.vfioworkbench.ui.docking.ViewId.values()) {
              if (v.id().equals(args[4])) {
                w.showView(v);
              }
            }
          }
          shown.complete(w);
        });
    WorkbenchWindow w = shown.get(30, TimeUnit.SECONDS);
    Thread.sleep(1500);
    CompletableFuture<Void> done = new CompletableFuture<>();
    executor.runOnUi(
        () -> {
          try {
            w.fitGraph();
            Files.createDirectories(out.toAbsolutePath().getParent());
            PngExport.write(w.scene().getRoot(), out, 1);
            done.complete(null);
          } catch (Exception e) {
            done.completeExceptionally(e);
          }
        });
    done.get(30, TimeUnit.SECONDS);
    Platform.exit();
  }
}
