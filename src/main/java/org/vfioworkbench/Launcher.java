package org.vfioworkbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vfioworkbench.cli.StartupTraining;
import org.vfioworkbench.cli.WorkbenchCli;

/**
 * The jar's entry point. With no arguments it opens the workbench; with a subcommand it runs the
 * command line. It does not extend {@code javafx.application.Application}, so the shaded jar starts
 * JavaFX from the class path. {@value #TRAINING} {@code FILE...} and {@value #GUI_TRAINING} are the
 * packaging's training runs for the class-data-sharing archive: the command line's ({@link
 * StartupTraining}) and the workbench's ({@code ui.WorkbenchTraining}, which needs a display).
 */
public final class Launcher {

  /** The first argument that asks for the training run. */
  static final String TRAINING = "--startup-training";

  /** The first argument that asks for the workbench's training run. */
  static final String GUI_TRAINING = "--startup-training-gui";

  private Launcher() {}

  public static void main(String[] args) throws java.io.IOException {
    if (args.length > 0 && args[0].equals(TRAINING)) {
      List<Path> files = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        files.add(Path.of(args[i]));
      }
      int failed = StartupTraining.run(files);
      if (failed > 0) {
        System.err.println("vfio-workbench: " + failed + " training command(s) failed");
      }
      System.exit(failed == 0 ? 0 : 1);
    }
    if (args.length == 1 && args[0].equals(GUI_TRAINING)) {
      System.exit(runWorkbenchTraining());
    }
    if (args.length == 0 || isWorkbenchRequest(args)) {
      launchWorkbench(args);
      return;
    }
    System.exit(WorkbenchCli.run(args));
  }

  private static boolean isWorkbenchRequest(String[] args) {
    return args[0].equals("gui") || args[0].endsWith(".json") && args.length == 1;
  }

  private static int runWorkbenchTraining() {
    try {
      Class<?> training = Class.forName("org.vfioworkbench.ui.WorkbenchTraining");
      Optional<?> failure = (Optional<?>) training.getMethod("run").invoke(null);
      failure.ifPresent(f -> System.err.println("vfio-workbench: " + f));
      return failure.isEmpty() ? 0 : 1;
    } catch (ReflectiveOperationException e) {
      System.err.println("vfio-workbench: the workbench is not available in this build: " + e);
      return 2;
    }
  }

  private static void launchWorkbench(String[] args) {
    try {
      Class<?> app = Class.forName("org.vfioworkbench.ui.WorkbenchApp");
      app.getMethod("launchWith", String[].class).invoke(null, (Object) args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      System.err.println(
          "vfio-workbench: the workbench could not start: "
              + (cause.getMessage() == null
                  ? cause.getClass().getSimpleName()
                  : cause.getMessage()));
      System.exit(2);
    } catch (ReflectiveOperationException e) {
      System.err.println("vfio-workbench: the workbench is not available in this build: " + e);
      System.exit(2);
    }
  }
}
