package org.vfioworkbench.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vfioworkbench.io.AtomicFiles;

/** Writes lab outcomes as JSON, atomically (temp file, then move). */
public final class LabReportWriter {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LabReportWriter() {}

  /** The full report: every outcome with both sides of every call. */
  public static void write(Path file, List<LabOutcome> outcomes) throws IOException {
    atomic(file, JSON.writeValueAsBytes(new Report(1, outcomes)));
  }

  /** The JSON report's top level. */
  public record Report(int format, List<LabOutcome> scenarios) {}

  static void atomic(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, bytes);
  }
}
