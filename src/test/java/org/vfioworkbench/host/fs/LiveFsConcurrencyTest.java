package org.vfioworkbench.host.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads reading one {@link LiveFs} below a root, across more directories than it
 * remembers (so its memory of resolved directories starts over while others use it), read every
 * file, and nothing is ever taken for a path outside the root.
 */
class LiveFsConcurrencyTest {

  private static final int DIRECTORIES = 4400;
  private static final int THREADS = 4;

  @TempDir Path root;

  @Test
  void threadsReadingPastTheRememberedDirectoriesNeverLeaveTheRoot() throws Exception {
    for (int d = 0; d < DIRECTORIES; d++) {
      Path dir = Files.createDirectories(root.resolve("sys/devices/d" + d));
      Files.writeString(dir.resolve("vendor"), "0x" + d + "\n");
      Files.createSymbolicLink(dir.resolve("driver"), Path.of("../../bus/drivers/x"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 2; round++) {
        LiveFs fs = new LiveFs(root).fresh();
        List<Future<Integer>> reads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int first = t * (DIRECTORIES / THREADS);
          reads.add(
              pool.submit(
                  () -> {
                    int ok = 0;
                    for (int i = 0; i < DIRECTORIES; i++) {
                      int d = (first + i) % DIRECTORIES;
                      String dir = "/sys/devices/d" + d;
                      String text =
                          new String(fs.read(dir + "/vendor", 64), StandardCharsets.UTF_8);
                      if (text.equals("0x" + d + "\n")
                          && fs.readLink(dir + "/driver").equals("../../bus/drivers/x")
                          && fs.list(dir).equals(List.of("driver", "vendor"))) {
                        ok++;
                      }
                    }
                    return ok;
                  }));
        }
        for (Future<Integer> f : reads) {
          assertThat(f.get()).isEqualTo(DIRECTORIES);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
