package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's scripts come from the jar into a private cache directory, checked by hash. */
class LabScriptsTest {

  @TempDir Path cache;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        LabScripts.class.getResourceAsStream("/org/vfioworkbench/lab/kernel/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void extractsEveryShippedFileIntoAPrivateDirectoryNamedByTheContentHash() throws Exception {
    LabScripts scripts = LabScripts.bundled();

    Path dir = scripts.extract(cache);

    assertThat(dir).isEqualTo(cache.resolve("lab/scripts/" + scripts.hash()));
    assertThat(scripts.hash()).matches("[0-9a-f]{16}");
    for (String f : LabScripts.FILES) {
      assertThat(Files.readAllBytes(dir.resolve(f))).as(f).isEqualTo(resource(f));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cache.resolve("lab/scripts"))))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("build-kernel.sh"))))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("lab-kernel.config"))))
        .isEqualTo("rw-------");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void aTamperedFileIsRewrittenOnTheNextExtractionAndRefusedByVerify() throws Exception {
    LabScripts scripts = LabScripts.bundled();
    Path dir = scripts.extract(cache);
    Path script = dir.resolve("build-kernel.sh");
    Files.writeString(script, "#!/bin/bash\necho planted\n");

    assertThatThrownBy(() -> scripts.verify(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("build-kernel.sh")
        .hasMessageContaining("SHA-256");

    scripts.extract(cache);
    assertThat(Files.readAllBytes(script)).isEqualTo(resource("build-kernel.sh"));
  }

  @Test
  void aSymbolicLinkInPlaceOfTheScriptsDirectoryIsRefused() throws Exception {
    Path elsewhere = Files.createDirectories(cache.resolve("elsewhere"));
    Files.createDirectories(cache.resolve("root/lab"));
    Files.createSymbolicLink(cache.resolve("root/lab/scripts"), elsewhere);

    assertThatThrownBy(() -> LabScripts.bundled().extract(cache.resolve("root")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("lab/scripts")
        .hasMessageContaining("not a directory");
    try (var s = Files.list(elsewhere)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void aLooseDirectoryIsTightenedToTheOwnerOnly() throws Exception {
    Path scriptsDir = Files.createDirectories(cache.resolve("lab/scripts"));
    Files.setPosixFilePermissions(scriptsDir, PosixFilePermissions.fromString("rwxrwxrwx"));

    LabScripts.bundled().extract(cache);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(scriptsDir)))
        .isEqualTo("rwx------");
  }
}
