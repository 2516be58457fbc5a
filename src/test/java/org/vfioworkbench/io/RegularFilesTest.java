package org.vfioworkbench.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Regular files only, and sizes checked by reading. */
class RegularFilesTest {

  @TempDir Path dir;

  @Test
  @EnabledOnOs(OS.LINUX)
  void aFifoIsRefusedBeforeItIsOpened() throws Exception {
    Path fifo = dir.resolve("fifo");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> RegularFiles.read(fifo, Limit.FILE_BYTES))
                .isInstanceOf(NotRegularFileException.class)
                .hasMessageContaining("is a FIFO, not a regular file"));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void devZeroIsRefusedAsADeviceNotReadUntilMemoryRunsOut() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> RegularFiles.read(Path.of("/dev/zero"), Limit.FILE_BYTES))
                .isInstanceOf(NotRegularFileException.class)
                .hasMessageContaining("character device"));
  }

  @Test
  void aFileOverTheLimitFailsNamingTheLimitAndItsProperty() throws Exception {
    Path f = Files.write(dir.resolve("big"), new byte[100]);
    String old = System.setProperty(Limit.FILE_BYTES.property(), "99");
    try {
      assertThatThrownBy(() -> RegularFiles.read(f, Limit.FILE_BYTES))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("more than 99 bytes")
          .hasMessageContaining("-Dvfioworkbench.maxFileBytes=N");
      System.setProperty(Limit.FILE_BYTES.property(), "100");
      assertThat(RegularFiles.read(f, Limit.FILE_BYTES)).hasSize(100);
    } finally {
      if (old == null) {
        System.clearProperty(Limit.FILE_BYTES.property());
      } else {
        System.setProperty(Limit.FILE_BYTES.property(), old);
      }
    }
  }

  @Test
  void aBoundedStreamStopsAtTheLimit() throws Exception {
    String old = System.setProperty(Limit.CAPTURE_BYTES.property(), "10");
    try {
      InputStream in =
          RegularFiles.bounded(new ByteArrayInputStream(new byte[11]), "x.gz", Limit.CAPTURE_BYTES);
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(LimitExceededException.class)
          .hasMessageStartingWith("x.gz: more than 10 bytes in a capture");
    } finally {
      if (old == null) {
        System.clearProperty(Limit.CAPTURE_BYTES.property());
      } else {
        System.setProperty(Limit.CAPTURE_BYTES.property(), old);
      }
    }
  }
}
