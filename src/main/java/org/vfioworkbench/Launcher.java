package org.vfioworkbench;

import org.vfioworkbench.cli.WorkbenchCli;

/**
 * The jar's entry point. With no arguments it opens the workbench; with a subcommand it runs the
 * command line. It does not extend {@code javafx.application.Application}, so the shaded jar starts
 * JavaFX from the class path.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 0 || isWorkbenchRequest(args)) {
      launchWorkbench(args);
      return;
    }
    System.exit(WorkbenchCli.run(args));
  }

  private static boolean isWorkbenchRequest(String[] args) {
    return args[0].equals("gui") || args[0].endsWith(".json") && args.length == 1;
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
