package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench's training run, whose classes the package's CDS archive for the workbench holds: it
 * must reach both hosts and a selection in each (a training that stops early lists fewer classes,
 * and the workbench then starts slower without any other sign), and leave nothing behind.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTrainingTest extends FxTestBase {

  @Test
  void showsTheSeedAndTheGeneratedHostWithADeviceSelectedInEachThenClosesAndForgetsItsWindow()
      throws Exception {
    Path config = Files.createTempDirectory("wb-training");
    long windowsBefore = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().size()).get();

    List<String> shown = WorkbenchTraining.train(config);

    assertThat(shown).hasSize(2);
    assertThat(shown.get(0)).startsWith("Seed case").contains("0000:02:00.0 selected");
    assertThat(shown.get(1)).startsWith("Generated host: 2,000 functions");
    assertThat(shown)
        .allSatisfy(line -> assertThat(line).containsPattern("selected, [1-9][0-9]* chips drawn"));
    assertThat(WaitForAsyncUtils.asyncFx(() -> Window.getWindows().size()).get())
        .as("the training's window is closed")
        .isEqualTo(windowsBefore);
    assertThat(Preferences.userRoot().nodeExists(WorkbenchTraining.PREFS_NODE))
        .as("its Learn progress is forgotten")
        .isFalse();
  }
}
