package org.vfioworkbench.host.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Kernel answers recorded by the lab for the fixture cases, kept as test resources. */
final class StoredAnswers {

  private StoredAnswers() {}

  static Optional<KernelAnswers> find(String caseName) {
    String file = caseName.replaceAll("[^A-Za-z0-9.-]+", "-") + ".kernel.json";
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
}
