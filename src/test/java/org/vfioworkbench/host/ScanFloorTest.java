package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

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
