package org.vfioworkbench.host.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real kernel's answers to a scenario's calls, stored beside the scenario file as
 * {@code NAME.kernel.json} so that the workbench can show "verified on Linux 6.12.117" and the
 * test suite can hold the engine to them without booting anything. They are recorded by the lab,
 * never written by hand; a disagreement is fixed in the engine, not here.
 *
 * @param format 1
 * @param scenario the scenario's name
 * @param kernel the guest kernel's version line
 * @param grouping how the guest's IOMMU groups came about
 * @param calls every call with the kernel's answer, in scenario terms
 */
public record KernelAnswers(
    int format, String scenario, String kernel, String grouping, List<RecordedCall> calls) {

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
   */
  public record RecordedCall(String call, Answer kernel) {}

  /** The answers of a verified run; refuses a run that was not verified. */
  public static KernelAnswers of(LabOutcome o) {
    if (o.status() != LabStatus.VERIFIED) {
      throw new IllegalArgumentException(o.scenario() + " was not verified (" + o.status()
          + "): only answers the engine agrees with are stored");
    }
    List<RecordedCall> calls = new ArrayList<>();
    for (CallComparison c : o.calls()) {
      calls.add(new RecordedCall(c.call(), c.kernel()));
    }
    return new KernelAnswers(1, o.scenario(), o.kernel(), o.grouping(), calls);
  }

  /** {@code s19.json} → {@code s19.kernel.json}, in the same directory. */
  public static Path besides(Path scenarioFile) {
    String name = scenarioFile.getFileName().toString().replaceFirst("\\.json$", "");
    return scenarioFile.resolveSibling(name + ".kernel.json");
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

  /** "verified on Linux 6.12.117". */
  public String verifiedLabel() {
    return "verified on " + LabTable.shortKernel(kernel);
  }
}
