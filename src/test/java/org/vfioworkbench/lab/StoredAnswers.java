package org.vfioworkbench.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Kernel answers recorded by the lab: for the fixture cases (test resources) and samples. */
final class StoredAnswers {

  private StoredAnswers() {}

  /** The answers recorded for a fixture case, kept as a test resource. */
  static Optional<KernelAnswers> find(String caseName) {
    String file = caseName.replaceAll("[^A-Za-z0-9.-]+", "-") + ".json";
    try (InputStream in = StoredAnswers.class.getResourceAsStream("answers/" + file)) {
      if (in == null) {
        return Optional.empty();
      }
      Path tmp = Files.createTempFile("answers", ".json");
      try {
        Files.write(tmp, in.readAllBytes());
        return Optional.of(KernelAnswers.read(tmp));
      } finally {
        Files.delete(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every sample scenario file, sorted. */
  static List<Path> samples(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }
}
