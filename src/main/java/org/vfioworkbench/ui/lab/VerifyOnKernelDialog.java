package org.vfioworkbench.ui.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Window;
import org.vfioworkbench.lab.Cancellation;
import org.vfioworkbench.lab.KernelLab;
import org.vfioworkbench.lab.KernelProvider;
import org.vfioworkbench.lab.LabOutcome;
import org.vfioworkbench.lab.LabTable;
import org.vfioworkbench.lab.QemuOptions;
import org.vfioworkbench.lab.ScenarioLabCases;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.ui.task.BackgroundTask;
import org.vfioworkbench.ui.task.TaskExecutor;
import org.vfioworkbench.ui.task.TaskHandle;
import org.vfioworkbench.ui.task.TaskProgress;

/**
 * "Verify on a real kernel": builds (first time) or finds the lab kernel, boots it in QEMU with the
 * open scenario and shows the kernel's answers beside the engine's, with progress. The run is a
 * background task: closing the dialog cancels it. Nothing runs on the host's devices: everything
 * happens inside the guest.
 */
public final class VerifyOnKernelDialog {

  /**
   * One lab run of a scenario. The seam between this dialog and the kernel lab: the run logs
   * through {@code log} (any thread) and stops when {@code progress} is cancelled, registering what
   * kills its child processes with {@link TaskProgress#onCancel}.
   */
  @FunctionalInterface
  public interface LabRun {
    LabOutcome run(String name, Scenario scenario, Consumer<String> log, TaskProgress progress)
        throws Exception;
  }

  private final Dialog<Void> dialog = new Dialog<>();
  private final TextArea log = new TextArea();
  private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
  private final Label verdict = new Label("Starting…");
  private final StringBuilder pending = new StringBuilder();
  private TaskHandle handle;

  private VerifyOnKernelDialog(Window owner) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Verify on a real kernel");
    dialog.setResizable(true);
    log.setEditable(false);
    log.setFont(Font.font("Monospaced", 12));
    log.setPrefSize(900, 480);
    progress.setMaxWidth(Double.MAX_VALUE);
    VBox box = new VBox(8, verdict, progress, log);
    box.setPadding(new Insets(10));
    dialog.getDialogPane().setContent(box);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.setOnHidden(e -> cancel());
  }

  /** Opens the dialog and runs the lab on {@code scenario} as a task of {@code executor}. */
  public static VerifyOnKernelDialog show(
      Window owner, TaskExecutor executor, String name, Scenario scenario) {
    return show(owner, executor, name, scenario, todaysLab());
  }

  /** As {@link #show(Window, TaskExecutor, String, Scenario)}, with the lab run given. */
  public static VerifyOnKernelDialog show(
      Window owner, TaskExecutor executor, String name, Scenario scenario, LabRun lab) {
    VerifyOnKernelDialog d = new VerifyOnKernelDialog(owner);
    d.start(executor, name, scenario, lab);
    d.dialog.show();
    return d;
  }

  /**
   * The kernel lab: locating or building the kernel, then the guest run. Cancel (or closing the
   * dialog) cancels the lab's {@link Cancellation}, which stops the kernel build and QEMU with
   * their children and makes the run end with a cancellation at once.
   */
  public static LabRun todaysLab() {
    return (name, scenario, say, progress) -> {
      Cancellation cancellation = new Cancellation();
      progress.onCancel(cancellation::cancel);
      say.accept(
          "Locating the lab kernel (the first run builds it from linux-source-6.12:"
              + " 7–11 minutes)…");
      Path kernel = KernelProvider.locate().kernel(say::accept, cancellation);
      cancellation.check("the lab run");
      say.accept("Kernel: " + KernelProvider.version(kernel));
      return new KernelLab(QemuOptions.defaults(kernel))
          .run(ScenarioLabCases.of(name, scenario), say::accept, cancellation);
    };
  }

  private void start(TaskExecutor executor, String name, Scenario scenario, LabRun lab) {
    Objects.requireNonNull(lab, "lab");
    BackgroundTask<LabOutcome> task =
        BackgroundTask.of(
                "Verify on a real kernel",
                p -> lab.run(name, scenario, line -> say(executor, line), p))
            .onSuccess(
                o -> {
                  progress.setProgress(1);
                  verdict.setText(headline(o));
                  log.appendText("\n" + LabTable.render(o));
                })
            .onFailure(
                e -> {
                  progress.setProgress(0);
                  verdict.setText("The lab could not run: " + message(e));
                })
            .onCancelled(
                () -> {
                  progress.setProgress(0);
                  verdict.setText("Cancelled: the lab run was stopped.");
                });
    handle = executor.execute(task);
  }

  /** Stops the run (closing the dialog does this). */
  public void cancel() {
    if (handle != null && !handle.isDone()) {
      handle.cancel();
    }
  }

  /** True once the run ended (verified, failed or cancelled). */
  public boolean finished() {
    return handle != null && handle.isDone();
  }

  /** The verdict line shown above the log. */
  public String verdict() {
    return verdict.getText();
  }

  public Dialog<Void> dialog() {
    return dialog;
  }

  private static String message(Throwable e) {
    return e.getMessage() == null || e.getMessage().isBlank()
        ? e.getClass().getSimpleName()
        : e.getMessage();
  }

  private static String headline(LabOutcome o) {
    return switch (o.status()) {
      case VERIFIED -> "Verified: the kernel agrees with the engine on every call.";
      case DISAGREES ->
          "The kernel disagrees with the engine on " + o.disagreements() + " field(s).";
      case CANNOT_EXPRESS ->
          "The lab cannot build this topology in QEMU: " + String.join("; ", reasons(o));
      default -> "The lab run failed: " + String.join("; ", reasons(o));
    };
  }

  private static List<String> reasons(LabOutcome o) {
    return o.problems();
  }

  /** Appends a log line on the UI thread; lines arriving together are appended together. */
  private void say(TaskExecutor executor, String message) {
    boolean schedule;
    synchronized (pending) {
      schedule = pending.length() == 0;
      pending.append(message).append('\n');
    }
    if (schedule) {
      executor.runOnUi(
          () -> {
            String text;
            synchronized (pending) {
              text = pending.toString();
              pending.setLength(0);
            }
            log.appendText(text);
          });
    }
  }
}
