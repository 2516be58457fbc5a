package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.LiveFs;

/**
 * A scan read on several threads gives exactly the result of one read on one thread: functions,
 * buses, holders, and the problems and notes in the same order, even when the first functions'
 * directories are the last to be read.
 */
class ParallelScanOrderTest {

  @TempDir Path dir;

  /**
   * The filesystem of a tree, slowed down for the functions on bus 0000:00 (the first names in
   * {@code /sys/bus/pci/devices}) so that the runs read later on other threads finish first.
   */
  private static HostFs slowFirstSegment(HostFs fs) {
    return new HostFs() {
      @Override
      public String describe() {
        return fs.describe();
      }

      @Override
      public byte[] read(String path, int limit) throws IOException {
        if (path.matches(".*/0000:00:[0-9a-f]{2}\\.[0-7]/class")) {
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return fs.read(path, limit);
      }

      @Override
      public String readLink(String path) throws IOException {
        return fs.readLink(path);
      }

      @Override
      public List<String> list(String dir) throws IOException {
        return fs.list(dir);
      }
    };
  }

  /** Breaks every 41st function's class and vendor: problems all over the list, in every run. */
  private static List<Path> breakSomeFunctions(Path root) throws IOException {
    List<Path> classes;
    try (Stream<Path> s = Files.walk(root.resolve("sys/devices"))) {
      classes = s.filter(p -> p.getFileName().toString().equals("class")).sorted().toList();
    }
    List<Path> broken = new ArrayList<>();
    for (int i = 0; i < classes.size(); i += 41) {
      Path f = classes.get(i);
      Files.writeString(f, "0xzz\n");
      Files.delete(f.resolveSibling("vendor"));
      broken.add(f);
    }
    return broken;
  }

  @Test
  void severalThreadsGiveTheOneThreadResultInTheSameOrder() throws Exception {
    Path root = dir.resolve("tree");
    LargeHostTree.write(root, 600, 20);
    List<Path> broken = breakSomeFunctions(root);

    ScanResult one =
        new HostScanner(slowFirstSegment(new LiveFs(root)))
            .scan(ScanListener.NONE, ScanWorkers.of(1));
    ScanResult four;
    try (ScanWorkers workers = ScanWorkers.of(4)) {
      four = new HostScanner(slowFirstSegment(new LiveFs(root))).scan(ScanListener.NONE, workers);
    }

    // The tree really has problems spread over several runs of functions, and holders.
    assertThat(one.topology().functions()).hasSizeGreaterThan(2 * 256);
    assertThat(one.topology().holders()).isNotEmpty();
    assertThat(one.problems()).hasSizeGreaterThanOrEqualTo(2 * broken.size());
    assertThat(one.problems().get(0).path()).contains("pci0000:");

    // ... in the order of /sys/bus/pci/devices, as one thread reading name after name logs them.
    List<String> brokenInProblemOrder =
        one.problems().stream()
            .map(ScanProblem::path)
            .filter(p -> p.endsWith("/class"))
            .map(p -> p.substring(0, p.length() - "/class".length()))
            .map(p -> p.substring(p.lastIndexOf('/') + 1))
            .toList();
    assertThat(brokenInProblemOrder).hasSize(broken.size()).isSorted();

    assertThat(four.topology()).isEqualTo(one.topology());
    assertThat(four.problems()).containsExactlyElementsOf(one.problems());
    assertThat(four.notes()).containsExactlyElementsOf(one.notes());
    assertThat(four.functions()).isEqualTo(one.functions());
    assertThat(four.holders()).containsExactlyElementsOf(one.holders());
    assertThat(four.vfioNodes()).containsExactlyElementsOf(one.vfioNodes());
    assertThat(four.unreadableProcesses()).containsExactlyElementsOf(one.unreadableProcesses());
  }
}
