/**
 * The one way the workbench runs work off the UI thread: a {@link
 * org.vfioworkbench.ui.task.BackgroundTask} (work, progress, cancel, success, failure) handed to a
 * {@link org.vfioworkbench.ui.task.TaskExecutor}. The JavaFX executor runs it as a {@code
 * javafx.concurrent.Task}; tests run it on the calling thread. Threads and {@code
 * Platform.runLater} appear only in this package.
 */
package org.vfioworkbench.ui.task;
