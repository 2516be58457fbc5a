package org.vfioworkbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.stage.Stage;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.files.BundledSamples;
import org.vfioworkbench.ui.files.Sample;

/**
 * The JavaFX application. {@code org.vfioworkbench.Launcher} calls {@link #launchWith} (no
 * arguments, {@code gui}, or a scenario file); the workbench opens on the seed-case sample. The
 * window is shown first; the document is read in the background.
 */
public final class WorkbenchApp extends Application {

  /**
   * JavaFX's own logger ("javafx", which its start-up writes to). The jar and the packages start
   * JavaFX from the class path on purpose (one shaded jar, see docs/packaging.md), and JavaFX then
   * warns at every start that this configuration is "unsupported". Only that one record is dropped;
   * every other record of this logger still shows. Held here so the filter outlives garbage
   * collection.
   */
  private static final Logger JAVAFX_STARTUP = Logger.getLogger("javafx");

  /** The start of the one record {@link #JAVAFX_STARTUP} drops. */
  static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

  /** Starts JavaFX and opens the workbench; returns when the window is closed. */
  public static void launchWith(String[] args) {
    JAVAFX_STARTUP.setFilter(WorkbenchApp::isNotClassPathWarning);
    PaintSettings.apply();
    Application.launch(WorkbenchApp.class, args);
  }

  static boolean isNotClassPathWarning(LogRecord r) {
    return r.getMessage() == null || !r.getMessage().startsWith(CLASS_PATH_WARNING);
  }

  @Override
  public void start(Stage stage) {
    WorkbenchWindow w = new WorkbenchWindow(stage, configDir());
    w.setBrowser(getHostServices()::showDocument);
    List<String> args = getParameters().getRaw();
    boolean fileGiven = !args.isEmpty() && args.get(0).endsWith(".json");
    org.vfioworkbench.ui.learn.LearnPerspective.install(w, w::showView);
    stage.show();
    if (fileGiven) {
      w.openFile(Path.of(args.get(0)));
    } else {
      w.openSampleInBackground(startSample());
    }
  }

  /** The README's seed case (the bundled s19), or the built-in one when no sample is bundled. */
  static Sample startSample() {
    return BuiltInSamples.all().get(0);
  }

  /** The sample the README's first command opens. */
  static final String SEED_SAMPLE = BundledSamples.SEED;

  /**
   * Where the layout is kept: {@code -Dvfio.workbench.config=DIR}, else ~/.config/vfio-workbench.
   */
  static Path configDir() {
    String p = System.getProperty("vfio.workbench.config");
    return p != null
        ? Path.of(p)
        : Path.of(System.getProperty("user.home"), ".config", "vfio-workbench");
  }
}
