package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.fs.LiveFs;

/** The floor tool replays exactly the operations a scan makes, split as the scan splits them. */
class ScanFloorTest {

  @Test
  void aReplayMakesTheScansOperationsOnTheScansThreads(@TempDir Path dir) throws Exception {
    Path tree = dir.resolve("tree");
    int functions = LargeHostTree.write(tree, 600, 20);
    Path trace = dir.resolve("trace.txt");
    ScanFloor.record(tree, trace);
    List<String> recorded = Files.readAllLines(trace);

    ScanFloor.Trace t = ScanFloor.load(trace);
    assertThat(t.functions()).hasSize(functions);
    assertThat(t.listing()).extracting(ScanFloor.Op::path).containsExactly("/sys/bus/pci/devices");
    assertThat(t.head()).extracting(ScanFloor.Op::path).contains("/proc/sys/kernel/osrelease");
    assertThat(t.beside()).extracting(ScanFloor.Op::path).contains("/proc", "/dev/vfio");
    int split =
        t.head().size()
            + t.beside().size()
            + t.listing().size()
            + t.functions().stream().mapToInt(List::size).sum()
            + t.tail().size();
    assertThat(split).isEqualTo(recorded.size());

    ScanFloor.Recorder again = new ScanFloor.Recorder(new LiveFs(tree));
    ScanFloor.replay(t, ScanFloor.through(again));
    assertThat(new ArrayList<>(again.lines)).containsExactlyInAnyOrderElementsOf(recorded);
  }

  @Test
  void theFewestCallsFailOnlyWhereTheScansOwnCallsFail(@TempDir Path dir) throws Exception {
    Path tree = dir.resolve("tree");
    LargeHostTree.write(tree, 40, 4);
    Path trace = dir.resolve("trace.txt");
    ScanFloor.record(tree, trace);
    ScanFloor.Trace t = ScanFloor.load(trace);
    List<ScanFloor.Op> scanFailed = failures(t, ScanFloor.same(tree));
    List<ScanFloor.Op> fewestFailed = failures(t, ScanFloor.fewest(tree));
    // A group is not listed: its name is read, and fails where the group has none.
    assertThat(fewestFailed)
        .allMatch(
            op ->
                scanFailed.contains(op)
                    || op.kind() == 'D' && op.path().matches("/sys/kernel/iommu_groups/[0-9]+"));
    assertThat(fewestFailed).hasSizeGreaterThan(scanFailed.size());
  }

  @Test
  void readingRelativeToDirectoriesFailsExactlyWhereTheScansOwnCallsFail(@TempDir Path dir)
      throws Exception {
    Path tree = dir.resolve("tree");
    LargeHostTree.write(tree, 40, 4);
    Path trace = dir.resolve("trace.txt");
    ScanFloor.record(tree, trace);
    ScanFloor.Trace t = ScanFloor.load(trace);
    List<ScanFloor.Op> scanFailed = failures(t, ScanFloor.same(tree));
    assertThat(failures(t, ScanFloor.atdir(tree))).containsExactlyInAnyOrderElementsOf(scanFailed);
  }

  @Test
  void readingRelativeToDirectoriesStaysInsideTheRootAndOpensNoFifo(@TempDir Path dir)
      throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside/devices"));
    Files.writeString(outside.resolve("vendor"), "0x8086\n");
    Path tree = dir.resolve("tree");
    Path sys = Files.createDirectories(tree.resolve("sys"));
    Files.createDirectories(tree.resolve("inside/devices"));
    Files.writeString(tree.resolve("inside/devices/vendor"), "0x10de\n");
    // An absolute link is the host's /outside, below the root: not the directory beside the tree.
    Files.createSymbolicLink(sys.resolve("devices"), Path.of("/outside/devices"));
    Files.createSymbolicLink(sys.resolve("bus"), Path.of("../../../inside"));
    assertThat(new ProcessBuilder("mkfifo", sys.resolve("fifo").toString()).start().waitFor())
        .isZero();
    ScanFloor.Calls calls = ScanFloor.atdir(tree);

    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20),
        () -> {
          assertThatThrownBy(() -> calls.run(new ScanFloor.Op('R', 64, "/sys/devices/vendor")))
              .isInstanceOf(java.nio.file.NoSuchFileException.class);
          // ../../../inside climbs no higher than the root: /inside.
          calls.run(new ScanFloor.Op('R', 64, "/sys/bus/devices/vendor"));
          assertThatThrownBy(() -> calls.run(new ScanFloor.Op('R', 64, "/sys/fifo")))
              .hasMessageContaining("not a regular file");
          assertThatThrownBy(() -> calls.run(new ScanFloor.Op('D', 0, "/sys/fifo")))
              .isInstanceOf(java.nio.file.NotDirectoryException.class);
        });
  }

  private static List<ScanFloor.Op> failures(ScanFloor.Trace t, ScanFloor.Calls calls) {
    List<ScanFloor.Op> failed = java.util.Collections.synchronizedList(new ArrayList<>());
    ScanFloor.replay(
        t,
        op -> {
          try {
            calls.run(op);
          } catch (java.io.IOException e) {
            failed.add(op);
          }
        });
    return failed;
  }
}
