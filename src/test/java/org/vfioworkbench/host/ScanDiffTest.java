package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.host.capture.Capture;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.host.capture.CaptureEntry;
import org.vfioworkbench.host.capture.CaptureFs;
import org.vfioworkbench.model.Bdf;

class ScanDiffTest {

  @Test
  void identicalScansHaveNoChanges() {
    ScanResult a = Fixtures.scan(FixtureHosts.WORKSTATION);
    assertThat(ScanDiff.between(a, Fixtures.scan(FixtureHosts.WORKSTATION)).isEmpty()).isTrue();
  }

  @Test
  void aRebindAndAnExitedHolderAreReported() throws Exception {
    ScanResult before = Fixtures.scan(FixtureHosts.WORKSTATION);
    Capture c = CaptureCodec.read(Fixtures.path(FixtureHosts.WORKSTATION));
    Map<String, CaptureEntry> e = new HashMap<>(c.entries());
    e.keySet().removeIf(k -> k.startsWith("/proc/4242/"));
    e.put(
        "/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.1/driver",
        new CaptureEntry.LinkEntry("../../../../bus/pci/drivers/snd_hda_intel"));
    ScanResult after = new HostScanner(new CaptureFs(new Capture(c.info(), e), "after")).scan();

    ScanDiff d = ScanDiff.between(before, after);
    assertThat(d.changes())
        .extracting(ScanDiff.Change::toString)
        .containsExactlyInAnyOrder(
            "changed function 0000:01:00.1: driver vfio-pci → snd_hda_intel",
            "removed holder qemu-system-x86[4242]");
    assertThat(d.touchedFunctions()).containsExactly(Bdf.parse("01:00.1"));
    assertThat(d.touchedHolders()).isEmpty();
  }

  @Test
  void aNewHolderIsAddedAndTouched() throws Exception {
    Capture c = CaptureCodec.read(Fixtures.path(FixtureHosts.WORKSTATION));
    Map<String, CaptureEntry> e = new HashMap<>(c.entries());
    e.keySet().removeIf(k -> k.startsWith("/proc/4242/"));
    ScanResult before = new HostScanner(new CaptureFs(new Capture(c.info(), e), "b")).scan();
    ScanResult after = Fixtures.scan(FixtureHosts.WORKSTATION);
    ScanDiff d = ScanDiff.between(before, after);
    assertThat(d.touchedHolders()).containsExactly("qemu-system-x86[4242]");
  }
}
