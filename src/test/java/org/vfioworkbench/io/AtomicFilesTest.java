package org.vfioworkbench.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic write: content, mode, symlinks, failures and what a killed save left. */
class AtomicFilesTest {

  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private long temps() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  @Test
  void writesANewFileReadableByOthersAndLeavesNoTemporaryFile() throws Exception {
    Path f = dir.resolve("a.json");
    AtomicFiles.write(f, bytes("new"));
    assertThat(f).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-r--r--");
    assertThat(temps()).isZero();
  }

  @Test
  void keepsTheModeOfTheFileItReplaces() throws Exception {
    Path f = dir.resolve("a.json");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.write(f, bytes("new"));
    assertThat(f).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-rw----");
  }

  @Test
  void writesThroughASymbolicLinkAndKeepsTheLink() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real")).resolve("target.json");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real/target.json"));
    AtomicFiles.write(link, bytes("new"));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("new");
  }

  @Test
  void writesThroughADanglingSymbolicLink() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("later.json"));
    AtomicFiles.write(link, bytes("new"));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(dir.resolve("later.json")).hasContent("new");
  }

  @Test
  void aFailingSaveLeavesTheOldContentAndNoTemporaryFile() throws Exception {
    Path f = dir.resolve("a.json");
    Files.writeString(f, "old");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    f,
                    out -> {
                      out.write(bytes("half"));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(f).hasContent("old");
    assertThat(temps()).isZero();
  }

  @Test
  void temporaryFilesOfAKilledSaveAreRemovedByTheNextSave() throws Exception {
    Path f = dir.resolve("a.json");
    Path stale = dir.resolve(".a.json.saving-0123456789ab.tmp");
    Files.writeString(stale, "half");
    Files.setLastModifiedTime(stale, FileTime.fromMillis(0));
    Path unrelated = dir.resolve(".b.json.saving-0123456789ab.tmp");
    Files.writeString(unrelated, "other file's");
    AtomicFiles.write(f, bytes("new"));
    assertThat(stale).doesNotExist();
    assertThat(unrelated).exists();
    assertThat(f).hasContent("new");
  }

  @Test
  void aMissingDirectoryIsNamedInWords() {
    Path f = dir.resolve("no/such/a.json");
    assertThatThrownBy(() -> AtomicFiles.write(f, bytes("x")))
        .isInstanceOf(NoSuchFileException.class)
        .satisfies(
            e ->
                assertThat(IoMessages.reason(f, (IOException) e))
                    .isEqualTo("no such directory " + dir.resolve("no/such")));
  }
}
