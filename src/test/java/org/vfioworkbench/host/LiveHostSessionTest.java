package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.model.Bdf;

/** A live session over a directory tree that changes between refreshes. */
class LiveHostSessionTest {

  @TempDir Path dir;

  @Test
  void theSecondRefreshHighlightsWhatChanged() throws Exception {
    HostTree t = new HostTree(dir);
    FixtureHosts.workstation(t);
    LiveHostSession s = new LiveHostSession(new HostScanner(new LiveFs(dir)));

    LiveHostSession.Refresh first = s.refresh(ScanListener.NONE);
    assertThat(first.previous()).isEmpty();
    assertThat(first.changes().isEmpty()).isTrue();

    // The HDA function is handed back to its native driver and the QEMU exits.
    Path hda = dir.resolve("sys/devices/pci0000:00/0000:00:01.0/0000:01:00.1/driver");
    Files.delete(hda);
    Files.createSymbolicLink(hda, Path.of("../../../../bus/pci/drivers/snd_hda_intel"));
    FixtureHosts.deleteTree(dir.resolve("proc/4242"));

    LiveHostSession.Refresh second = s.refresh(ScanListener.NONE);
    assertThat(second.previous()).contains(first.current());
    assertThat(second.changes().touchedFunctions()).containsExactly(Bdf.parse("01:00.1"));
    assertThat(second.changes().changes())
        .extracting(ScanDiff.Change::toString)
        .contains("removed holder qemu-system-x86[4242]");
    assertThat(s.last()).contains(second.current());
    assertThat(HostSources.isCapture(Fixtures.path(FixtureHosts.WORKSTATION))).isTrue();
    assertThat(HostSources.isCapture(hda)).isFalse();
  }
}
