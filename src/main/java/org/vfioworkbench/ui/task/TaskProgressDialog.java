package org.vfioworkbench.ui.task;

import javafx.concurrent.Worker;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.controlsfx.dialog.ProgressDialog;

/**
 * A ControlsFX {@link ProgressDialog} over a running task, with a Cancel button that stops the work
 * (the task's cancel: its flag, its hooks and an interrupt). The dialog shows itself while the task
 * runs and closes when it ends. Tasks that already ended (the current-thread executor) show
 * nothing.
 */
public final class TaskProgressDialog {

  private TaskProgressDialog() {}

  /**
   * Shows the progress of {@code handle}; call right after {@link TaskExecutor#execute}, on the UI
   * thread.
   */
  public static void show(Window owner, TaskHandle handle, String title, String header) {
    if (handle.isDone()) {
      return;
    }
    handle
        .worker()
        .ifPresent(
            worker -> {
              ProgressDialog d = new ProgressDialog(worker);
              if (owner != null) {
                d.initOwner(owner);
              }
              d.setTitle(title);
              d.setHeaderText(header);
              d.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
              // Hidden while the work still runs means Cancel (or the dialog closed). The dialog
              // also hides itself when the worker's state turns SUCCEEDED, which JavaFX sets on
              // the UI thread possibly before the worker thread has finished its future: asking
              // handle.isDone() there would cancel a task that succeeded. Ask the worker's state
              // (not isRunning(), which JavaFX updates only after the state's listeners ran).
              d.setOnHidden(
                  e -> {
                    if (stillToFinish(worker.getState())) {
                      handle.cancel();
                    }
                  });
            });
  }

  private static boolean stillToFinish(Worker.State state) {
    return state == Worker.State.READY
        || state == Worker.State.SCHEDULED
        || state == Worker.State.RUNNING;
  }
}
