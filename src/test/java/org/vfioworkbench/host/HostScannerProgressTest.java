package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.capture.CaptureFs;
import org.vfioworkbench.host.fs.LiveFs;

/** The contract the workbench's live mode relies on: progress, cancellation, sources. */
class HostScannerProgressTest {

  @TempDir Path dir;

  @Test
  void progressOnlyMovesForwardAndEndsAtOne() throws Exception {
    HostScanner s = new HostScanner(HostSources.open(Fixtures.path(FixtureHosts.SRIOV_SERVER)));
    List<Double> seen = new ArrayList<>();
    s.scan((phase, done, total) -> seen.add(phase.overall(done, total)));
    assertThat(seen).isNotEmpty().isSorted();
    assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
  }

  @Test
  void aCancelledScanStops() throws Exception {
    HostScanner s = new HostScanner(HostSources.open(Fixtures.path(FixtureHosts.WORKSTATION)));
    ScanListener cancel =
        new ScanListener() {
          @Override
          public void progress(ScanPhase phase, int done, int total) {}

          @Override
          public boolean cancelled() {
            return true;
          }
        };
    assertThatThrownBy(() -> s.scan(cancel)).isInstanceOf(CancellationException.class);
  }

  @Test
  void aDirectoryIsARootAndAFileIsACapture() throws Exception {
    assertThat(HostSources.open(dir)).isInstanceOf(LiveFs.class);
    assertThat(HostSources.open(Fixtures.path(FixtureHosts.NOIOMMU))).isInstanceOf(CaptureFs.class);
    assertThatThrownBy(() -> HostSources.open(dir.resolve("nope")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void anEmptyRootScansToAnEmptyHostAndSaysWhatIsMissing() throws Exception {
    Files.createDirectories(dir.resolve("proc"));
    ScanResult r = HostSources.scan(dir, ScanListener.NONE);
    assertThat(r.topology().functions()).isEmpty();
    assertThat(r.problems()).extracting(ScanProblem::path).contains("/sys/bus/pci/devices");
    assertThat(r.notes()).anyMatch(n -> n.startsWith("/dev is not in directory "));
  }
}
