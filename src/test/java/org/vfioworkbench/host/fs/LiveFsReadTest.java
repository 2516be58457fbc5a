package org.vfioworkbench.host.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.io.NotRegularFileException;

/**
 * Reading through {@link LiveFs}: whole files of every size up to the limit, the limit itself,
 * listings, and what each missing or wrong kind of path fails with (by the host path asked).
 */
class LiveFsReadTest {

  @TempDir Path dir;

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @Test
  void filesAreReadWholeUpToTheLimitAtEverySize() throws Exception {
    LiveFs fs = new LiveFs(dir);
    for (int n : new int[] {0, 1, 9, 4095, 4096, 8191, 8192, 8193, 20_000, 70_000}) {
      byte[] content = bytes(n);
      Files.write(dir.resolve("f" + n), content);
      assertThat(fs.read("/f" + n, 100_000)).as("%d bytes", n).isEqualTo(content);
      int limit = Math.max(0, n - 3);
      assertThat(fs.read("/f" + n, limit))
          .as("%d bytes, limit %d", n, limit)
          .isEqualTo(java.util.Arrays.copyOf(content, limit));
    }
  }

  @Test
  void aFileReadThroughALinkAndAgainAfterItChangedIsReadAsItIsNow() throws Exception {
    Files.writeString(dir.resolve("a"), "one\n");
    Files.createSymbolicLink(dir.resolve("l"), Path.of("a"));
    LiveFs fs = new LiveFs(dir);
    assertThat(fs.readText("/l")).isEqualTo("one");
    Files.writeString(dir.resolve("a"), "longer now\n");
    assertThat(fs.readText("/l")).isEqualTo("longer now");
    assertThat(fs.readText("/a")).isEqualTo("longer now");
  }

  @Test
  void aFileReadIfListedAnswersAsTheListingAndTheReadWould() throws Exception {
    Files.createDirectories(dir.resolve("g/1"));
    Files.createDirectories(dir.resolve("g/2"));
    Files.writeString(dir.resolve("g/1/name"), "vfio-noiommu\n");
    Files.writeString(dir.resolve("g/file"), "x");
    Files.createSymbolicLink(dir.resolve("g/3"), Path.of("2"));
    // Below a root (the directory resolved and confined), and at / (nothing confined).
    String real = dir.toRealPath().toString();
    for (String at : new String[] {"", real}) {
      LiveFs fs = at.isEmpty() ? new LiveFs(dir) : new LiveFs(Path.of("/"));
      assertThat(fs.readIfListed(at + "/g/1", "name", 100).map(String::new))
          .contains("vfio-noiommu\n");
      assertThat(fs.readIfListed(at + "/g/2", "name", 100)).isEmpty();
      assertThat(fs.readIfListed(at + "/g/3", "name", 100)).isEmpty();
      // The same answers as a listing: a missing directory and a file are failures, not "absent".
      assertThatThrownBy(() -> fs.readIfListed(at + "/g/9", "name", 100))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining("/g/9");
      assertThatThrownBy(() -> fs.readIfListed(at + "/g/file", "name", 100))
          .isInstanceOf(NotDirectoryException.class);
      HostFs listing = new ListingOnly(fs);
      assertThat(listing.readIfListed(at + "/g/1", "name", 100).map(String::new))
          .contains("vfio-noiommu\n");
      assertThat(listing.readIfListed(at + "/g/2", "name", 100)).isEmpty();
      assertThatThrownBy(() -> listing.readIfListed(at + "/g/9", "name", 100))
          .isInstanceOf(NoSuchFileException.class);
      assertThatThrownBy(() -> listing.readIfListed(at + "/g/file", "name", 100))
          .isInstanceOf(NotDirectoryException.class);
    }
  }

  /** The interface's own way (list, then read), for comparison. */
  private record ListingOnly(HostFs fs) implements HostFs {
    @Override
    public String describe() {
      return fs.describe();
    }

    @Override
    public byte[] read(String path, int limit) throws java.io.IOException {
      return fs.read(path, limit);
    }

    @Override
    public String readLink(String path) throws java.io.IOException {
      return fs.readLink(path);
    }

    @Override
    public java.util.List<String> list(String dir) throws java.io.IOException {
      return fs.list(dir);
    }
  }

  @Test
  void missingPathsAndWrongKindsFailByTheHostPath() throws Exception {
    Files.createDirectories(dir.resolve("d/sub"));
    Files.writeString(dir.resolve("d/f"), "x");
    LiveFs fs = new LiveFs(dir);
    assertThat(fs.list("/d")).containsExactly("f", "sub");
    assertThatThrownBy(() -> fs.read("/d/nope", 10))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage("/d/nope");
    assertThatThrownBy(() -> fs.list("/d/nope"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage("/d/nope");
    assertThatThrownBy(() -> fs.list("/d/f")).isInstanceOf(NotDirectoryException.class);
    assertThatThrownBy(() -> fs.read("/d/sub", 10)).isInstanceOf(NotRegularFileException.class);
    assertThatThrownBy(() -> fs.readLink("/d/f"))
        .isInstanceOf(java.nio.file.NotLinkException.class);
    assertThatThrownBy(() -> fs.readLink("/d/nope")).isInstanceOf(NoSuchFileException.class);
  }
}
