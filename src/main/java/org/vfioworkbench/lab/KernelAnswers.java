package org.vfioworkbench.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real kernel's answers to a scenario's calls, stored beside the scenario file as {@code
 * kernel-answers/NAME.json} (a folder beside the samples, so that the answers are never mistaken
 * for scenarios) so that the workbench can show "verified on Linux 6.12.118" and the test suite can
 * hold the engine to them without booting anything. They are recorded by the lab, never written by
 * hand; a disagreement is fixed in the engine, not here.
 *
 * @param format 1
 * @param scenario the scenario's name
 * @param status VERIFIED, or DISAGREES while the engine still differs on some call
 * @param kernel the guest kernel's version line
 * @param grouping how the guest's IOMMU groups came about
 * @param calls every call with the kernel's answer, in scenario terms
 */
public record KernelAnswers(
    int format,
    String scenario,
    LabStatus status,
    String kernel,
    String grouping,
    List<RecordedCall> calls) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public KernelAnswers {
    calls = List.copyOf(calls);
  }

  /**
   * One recorded call.
   *
   * @param call the call in words (as {@link LabCall#describe()} says it)
   * @param kernel the kernel's answer
   * @param engineDiffers how the engine differed when this was recorded; empty when it agreed
   */
  public record RecordedCall(String call, Answer kernel, List<String> engineDiffers) {
    public RecordedCall {
      engineDiffers = engineDiffers == null ? List.of() : List.copyOf(engineDiffers);
    }
  }

  /**
   * The kernel's answers of a run that got as far as comparing (VERIFIED or DISAGREES); the answers
   * are the kernel's either way.
   */
  public static KernelAnswers of(LabOutcome o) {
    if (o.status() != LabStatus.VERIFIED && o.status() != LabStatus.DISAGREES) {
      throw new IllegalArgumentException(
          o.scenario()
              + " did not run to a comparison ("
              + o.status()
              + "): there are no kernel answers to store");
    }
    List<RecordedCall> calls = new ArrayList<>();
    for (CallComparison c : o.calls()) {
      calls.add(new RecordedCall(c.call(), c.kernel(), c.differences()));
    }
    return new KernelAnswers(1, o.scenario(), o.status(), o.kernel(), o.grouping(), calls);
  }

  /** The folder beside the scenario files that holds their recorded answers. */
  public static final String FOLDER = "kernel-answers";

  /** {@code dir/s19.json} → {@code dir/kernel-answers/s19.json}. */
  public static Path besides(Path scenarioFile) {
    Path dir = scenarioFile.toAbsolutePath().getParent();
    return dir.resolve(FOLDER).resolve(scenarioFile.getFileName().toString());
  }

  /**
   * The answers recorded for a bundled sample ({@code s19-....json}), read from the jar's {@code
   * sample-topologies/kernel-answers/}; empty when the lab recorded none.
   */
  public static java.util.Optional<KernelAnswers> bundled(String sampleFileName)
      throws IOException {
    String resource = "/sample-topologies/" + FOLDER + "/" + sampleFileName;
    try (java.io.InputStream in = KernelAnswers.class.getResourceAsStream(resource)) {
      if (in == null) {
        return java.util.Optional.empty();
      }
      try {
        return java.util.Optional.of(JSON.readValue(in, KernelAnswers.class));
      } catch (IOException e) {
        throw new IOException(resource + ": not a kernel answers file: " + e.getMessage(), e);
      }
    }
  }

  public void write(Path file) throws IOException {
    LabReportWriter.atomic(file, JSON.writeValueAsBytes(this));
  }

  public static KernelAnswers read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), KernelAnswers.class);
    } catch (IOException e) {
      throw new IOException(file + ": not a kernel answers file: " + e.getMessage(), e);
    }
  }

  /** "verified on Linux 6.12.118", or "differs from Linux 6.12.118 on N calls". */
  public String verifiedLabel() {
    long n = calls.stream().filter(c -> !c.engineDiffers().isEmpty()).count();
    return status == LabStatus.VERIFIED
        ? "verified on " + LabTable.shortKernel(kernel)
        : "differs from "
            + LabTable.shortKernel(kernel)
            + " on "
            + n
            + " call"
            + (n == 1 ? "" : "s");
  }
}
