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
