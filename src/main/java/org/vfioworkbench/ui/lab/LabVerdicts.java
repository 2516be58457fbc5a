package org.vfioworkbench.ui.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vfioworkbench.lab.KernelAnswers;

/** What the kernel lab recorded for a sample: "verified on Linux 6.12.118", or the disagreement. */
public final class LabVerdicts {

  private LabVerdicts() {}

  /** For a bundled sample named by its file name ({@code s19-....json}). */
  public static Optional<String> forBundled(String fileName) {
    try {
      return KernelAnswers.bundled(fileName).map(KernelAnswers::verifiedLabel);
    } catch (IOException e) {
      return Optional.of("kernel answers unreadable: " + e.getMessage());
    }
  }

  /** For a scenario file, from {@code kernel-answers/} beside it. */
  public static Optional<String> forFile(Path scenarioFile) {
    Path answers = KernelAnswers.besides(scenarioFile);
    if (!Files.isRegularFile(answers)) {
      return Optional.empty();
    }
    try {
      return Optional.of(KernelAnswers.read(answers).verifiedLabel());
    } catch (IOException e) {
      return Optional.of("kernel answers unreadable: " + e.getMessage());
    }
  }
}
