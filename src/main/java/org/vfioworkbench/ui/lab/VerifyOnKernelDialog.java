package org.vfioworkbench.ui.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Window;
import org.vfioworkbench.lab.KernelLab;
import org.vfioworkbench.lab.KernelProvider;
import org.vfioworkbench.lab.LabOutcome;
import org.vfioworkbench.lab.LabTable;
import org.vfioworkbench.lab.QemuOptions;
import org.vfioworkbench.lab.ScenarioLabCases;
import org.vfioworkbench.scenario.Scenario;

/**
 * "Verify on a real kernel": builds (first time) or finds the lab kernel, boots it in QEMU with
 * the open scenario and shows the kernel's answers beside the engine's, with progress. Nothing
 * runs on the host's devices: everything happens inside the guest.
 */
public final class VerifyOnKernelDialog {

  private final Dialog<Void> dialog = new Dialog<>();
  private final TextArea log = new TextArea();
  private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
  private final Label verdict = new Label("Starting…");

  private VerifyOnKernelDialog(Window owner) {
    dialog.initOwner(owner);
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
  }

  /** Opens the dialog and runs the lab on {@code scenario} in the background. */
  public static void show(Window owner, String name, Scenario scenario) {
    VerifyOnKernelDialog d = new VerifyOnKernelDialog(owner);
    Thread worker = new Thread(() -> d.run(name, scenario), "kernel-lab");
    worker.setDaemon(true);
    worker.start();
    d.dialog.show();
  }

  private void run(String name, Scenario scenario) {
    try {
      say("Locating the lab kernel (the first run builds it from linux-source-6.12: 7–11 minutes)…");
      Path kernel = KernelProvider.locate().kernel(this::say);
      say("Kernel: " + KernelProvider.version(kernel));
      LabOutcome o = new KernelLab(QemuOptions.defaults(kernel))
          .run(ScenarioLabCases.of(name, scenario), this::say);
      String table = LabTable.render(o);
      Platform.runLater(() -> {
        progress.setProgress(1);
        verdict.setText(headline(o));
        log.appendText("\n" + table);
      });
    } catch (IOException | RuntimeException e) {
      fail(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  private static String headline(LabOutcome o) {
    return switch (o.status()) {
      case VERIFIED -> "Verified: the kernel agrees with the engine on every call.";
      case DISAGREES -> "The kernel disagrees with the engine on " + o.disagreements() + " field(s).";
      case CANNOT_EXPRESS -> "The lab cannot build this topology in QEMU: " + String.join("; ", reasons(o));
      default -> "The lab run failed: " + String.join("; ", reasons(o));
    };
  }

  private static List<String> reasons(LabOutcome o) {
    return o.problems();
  }

  private void say(String message) {
    Platform.runLater(() -> log.appendText(message + "\n"));
  }

  private void fail(String message) {
    Platform.runLater(() -> {
      progress.setProgress(0);
      verdict.setText("The lab could not run: " + message);
    });
  }
}
