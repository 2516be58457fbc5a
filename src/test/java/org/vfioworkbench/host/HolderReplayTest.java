package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.host.capture.Capture;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.host.capture.CaptureEntry;
import org.vfioworkbench.host.capture.CaptureFs;

/**
 * Scans replay every holder through the kernel's open rules, as scenario loading does: what a
 * kernel would never have allowed is a problem naming the process, not a state evaluated as legal
 * (issue 15).
 */
class HolderReplayTest {

  private static ScanResult scanEdited(Consumer<Map<String, CaptureEntry>> edit) throws Exception {
    Capture c = CaptureCodec.read(Fixtures.path(FixtureHosts.WORKSTATION));
    Map<String, CaptureEntry> e = new HashMap<>(c.entries());
    edit.accept(e);
    return new HostScanner(new CaptureFs(new Capture(c.info(), e), "edited")).scan();
  }

  private static CaptureEntry text(String s) {
    return new CaptureEntry.FileEntry(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFixtureHostsAreStatesTheKernelReaches() throws Exception {
    for (String name :
        new String[] {
          FixtureHosts.WORKSTATION,
          FixtureHosts.SRIOV_SERVER,
          FixtureHosts.NOIOMMU,
          FixtureHosts.MIXED_QEMU
        }) {
      assertThat(Fixtures.scan(name).problems())
          .as(name)
          .noneSatisfy(p -> assertThat(p.error()).contains("would refuse"));
    }
  }

  @Test
  void aGroupOpenInASecondProcessIsAProblemNamingBothProcesses() throws Exception {
    ScanResult s =
        scanEdited(
            e -> {
              e.put("/proc", new CaptureEntry.DirEntry(java.util.List.of("1200", "4242", "5000")));
              e.put("/proc/5000/fd", new CaptureEntry.DirEntry(java.util.List.of("3", "4")));
              e.put("/proc/5000/fd/3", new CaptureEntry.LinkEntry("/dev/vfio/vfio"));
              e.put("/proc/5000/fd/4", new CaptureEntry.LinkEntry("/dev/vfio/1"));
              e.put("/proc/5000/comm", text("intruder\n"));
            });
    assertThat(s.problems())
        .anySatisfy(
            p -> {
              assertThat(p.path()).isEqualTo("/proc/5000/fd/4");
              assertThat(p.what()).contains("intruder[5000]");
              assertThat(p.error())
                  .contains("would refuse")
                  .contains("EBUSY")
                  .contains("qemu-system-x86[4242]");
            });
  }
}
