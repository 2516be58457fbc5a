package org.vfioworkbench.archfixtures.clean.ui.task;

import javafx.application.Platform;

/** The one executor may start threads and reach the FX thread. */
public final class Executor {
  private Executor() {}

  public static void run(Runnable r) {
    new Thread(() -> Platform.runLater(r)).start();
  }
}
