package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.host.capture.Capture;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.host.capture.CaptureEntry;
import org.vfioworkbench.host.capture.CaptureFs;

/**
 * {@code probe} opens only free devices, and a device is free only when every process's open files
 * could be read: a process whose {@code /proc/PID/fd} is unreadable may hold it (issue 15).
 */
class ProbeUnreadableHoldersTest {

  private static ScanResult scan(Map<String, CaptureEntry> changes) throws Exception {
    Capture c = CaptureCodec.read(Path.of(ScanCommandTest.fixture("workstation")));
    Map<String, CaptureEntry> e = new HashMap<>(c.entries());
    e.putAll(changes);
    return new HostScanner(new CaptureFs(new Capture(c.info(), e), "edited")).scan();
  }

  @Test
  void everyProcessReadMeansNoRefusal() throws Exception {
    assertThat(ProbeCommand.unreadableHolders(scan(Map.of()))).isEmpty();
  }

  @Test
  void aProcessWhoseFdsArePermissionDeniedIsNamed() throws Exception {
    ScanResult s =
        scan(Map.of("/proc/4242/fd", new CaptureEntry.ErrorEntry("EACCES", "Permission denied")));
    assertThat(s.unreadableProcesses()).containsExactly(4242);
    assertThat(ProbeCommand.unreadableHolders(s))
        .hasValueSatisfying(
            r -> assertThat(r).contains("pid 4242").contains("cannot be called free"));
  }

  @Test
  void aProcessWithOneUnreadableFdLinkIsNamedToo() throws Exception {
    ScanResult s =
        scan(Map.of("/proc/1200/fd/4", new CaptureEntry.ErrorEntry("EIO", "Input/output error")));
    assertThat(ProbeCommand.unreadableHolders(s))
        .hasValueSatisfying(r -> assertThat(r).contains("pid 1200"));
  }

  @Test
  void aProcessThatExitedDuringTheScanIsNotABlindSpot() throws Exception {
    ScanResult s =
        scan(
            Map.of(
                "/proc/1200/fd",
                new CaptureEntry.ErrorEntry("ENOENT", "No such file or directory")));
    assertThat(ProbeCommand.unreadableHolders(s)).isEmpty();
  }
}
