package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.vfioworkbench.io.DirectoryTrees;

/**
 * Real machines' sysfs trees for tests: the hwloc project's test data ({@code
 * tests/hwloc/linux/*.tar.bz2}), read from the directory named by the system property {@code
 * vfio.wb.hwloc.trees} or the environment variable {@code VFIO_WB_HWLOC_TREES} (default {@code
 * ~/.cache/vfio-workbench/hwloc-trees}), which {@code .ci/hwloc-trees.sh} fills from Debian's hwloc
 * source package. The trees are named by {@code src/test/resources/host/hwloc-lspci/NAME.txt}
 * (lspci's figures for each); a test asking for a tree that is not there is skipped with the
 * reason.
 */
public final class HwlocTrees {

  private static final Map<String, Path> EXTRACTED = new HashMap<>();

  private static Path work;

  private HwlocTrees() {}

  /** The names of the trees, sorted. */
  public static Stream<String> names() throws IOException, URISyntaxException {
    Path dir = Path.of(HwlocTrees.class.getResource("/host/hwloc-lspci").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".txt"))
              .map(n -> n.substring(0, n.length() - 4))
              .sorted()
              .toList();
      return names.stream();
    }
  }

  /** Where the tarballs are. */
  public static Path treesDir() {
    String dir = System.getProperty("vfio.wb.hwloc.trees", System.getenv("VFIO_WB_HWLOC_TREES"));
    return dir != null && !dir.isBlank()
        ? Path.of(dir)
        : Path.of(System.getProperty("user.home"), ".cache", "vfio-workbench", "hwloc-trees");
  }

  /**
   * The tree's root, extracted once per test run (only its PCI part, which is all a scan reads)
   * into a temporary directory removed when the JVM exits; skips the test when the tarball is not
   * there.
   */
  public static synchronized Path extracted(String name) throws Exception {
    Path done = EXTRACTED.get(name);
    if (done != null) {
      return done;
    }
    Path tarball = treesDir().resolve(name + ".tar.bz2");
    assumeTrue(
        Files.isRegularFile(tarball),
        "hwloc test tree "
            + tarball
            + " not present "
            + "(run .ci/hwloc-trees.sh, or set VFIO_WB_HWLOC_TREES to a directory holding it)");
    if (work == null) {
      work = Files.createTempDirectory("hwloc-trees");
      Path dir = work;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      DirectoryTrees.removeWhatCan(dir);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }));
    }
    Process tar =
        new ProcessBuilder(
                "tar",
                "-xjf",
                tarball.toString(),
                "-C",
                work.toString(),
                "--wildcards",
                "*/sys/bus/pci/*",
                "*/sys/devices/pci*")
            .redirectErrorStream(true)
            .start();
    String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(tar.exitValue()).as("tar -xjf %s: %s", tarball, out).isZero();
    Path root = work.resolve(name);
    assertThat(root.resolve("sys/bus/pci/devices")).isDirectory();
    EXTRACTED.put(name, root);
    return root;
  }
}
