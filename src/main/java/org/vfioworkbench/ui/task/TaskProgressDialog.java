package org.vfioworkbench.ui.task;

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
              d.setOnHidden(
                  e -> {
                    if (!handle.isDone()) {
                      handle.cancel();
                    }
                  });
            });
  }
}
