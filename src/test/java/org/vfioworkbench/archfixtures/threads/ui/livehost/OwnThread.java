package org.vfioworkbench.archfixtures.threads.ui.livehost;

import javafx.application.Platform;

/** A view that runs its own thread and posts to the FX thread itself. */
public final class OwnThread {
  private OwnThread() {}

  public static void scan(Runnable r) {
    new Thread(() -> Platform.runLater(r), "scan").start();
  }
}
