package org.vfioworkbench.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

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
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
