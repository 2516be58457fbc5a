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
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;

/**
 * Damaged hosts: permission denied, a function unplugged and a process gone mid-scan, odd and
 * missing attributes. The scan keeps going, shows the rest and says what it could not read.
 */
class ScanRobustnessTest {

  private static final String GPU = "/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0";
  private static final String HDA = "/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.1";

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
  void permissionDeniedOnAProcessIsReportedAndTheRestIsShown() throws Exception {
    ScanResult s =
        scanEdited(
            e ->
                e.put("/proc/4242/fd", new CaptureEntry.ErrorEntry("EACCES", "Permission denied")));
    assertThat(s.topology().holders()).isEmpty();
    assertThat(s.topology().functions()).hasSize(9);
    assertThat(s.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("/proc/*/fd");
              assertThat(p.what()).contains("4242");
              assertThat(p.error()).contains("permission denied");
            });
  }

  @Test
  void aFunctionUnpluggedDuringTheScanIsLeftOutAndNamed() throws Exception {
    ScanResult s = scanEdited(e -> e.keySet().removeIf(k -> k.startsWith(HDA)));
    Topology t = s.topology();
    assertThat(t.function(Bdf.parse("01:00.1"))).isEmpty();
    assertThat(t.function(Bdf.parse("01:00.0"))).isPresent();
    assertThat(s.problems())
        .anySatisfy(
            p -> {
              assertThat(p.path()).isEqualTo(HDA);
              assertThat(p.error()).isEqualTo("removed during the scan");
            });
    // The QEMU's second device fd now has no candidate: shown as another file, and said so.
    assertThat(s.problems()).anySatisfy(p -> assertThat(p.path()).isEqualTo("/proc/4242/fd/12"));
  }

  @Test
  void aProcessThatExitedDuringTheScanIsCountedNotFailed() throws Exception {
    ScanResult s = scanEdited(e -> e.keySet().removeIf(k -> k.startsWith("/proc/4242/")));
    assertThat(s.topology().holders()).isEmpty();
    assertThat(s.problems()).isEmpty();
    assertThat(s.notes()).contains("1 process(es) exited during the scan");
  }

  @Test
  void oddAndMissingAttributesAreReportedWithTheValueAssumed() throws Exception {
    ScanResult s =
        scanEdited(
            e -> {
              e.put(GPU + "/class", text("banana\n"));
              e.remove(HDA + "/vendor");
              e.put(
                  HDA,
                  new CaptureEntry.DirEntry(
                      ((CaptureEntry.DirEntry) e.get(HDA))
                          .names().stream().filter(n -> !n.equals("vendor")).toList()));
              e.put(GPU + "/config", new CaptureEntry.ErrorEntry("EIO", "Input/output error"));
            });
    assertThat(s.topology().function(Bdf.parse("01:00.0")).orElseThrow().classCode()).isZero();
    assertThat(s.problems())
        .extracting(ScanProblem::toString)
        .anySatisfy(
            p -> assertThat(p).contains(GPU + "/class").contains("unexpected value 'banana'"));
    assertThat(s.problems())
        .extracting(ScanProblem::toString)
        .anySatisfy(p -> assertThat(p).contains(HDA + "/vendor").contains("attribute missing"));
    assertThat(s.problems())
        .extracting(ScanProblem::toString)
        .anySatisfy(p -> assertThat(p).contains(GPU + "/config").contains("read error"));
    assertThat(s.topology().functions()).hasSize(9);
  }

  @Test
  void aMissingIommuGroupLinkFallsBackToTheGroupsListing() throws Exception {
    ScanResult s =
        scanEdited(
            e -> {
              e.remove(GPU + "/iommu_group");
              e.put(
                  GPU,
                  new CaptureEntry.DirEntry(
                      ((CaptureEntry.DirEntry) e.get(GPU))
                          .names().stream().filter(n -> !n.equals("iommu_group")).toList()));
            });
    assertThat(s.topology().function(Bdf.parse("01:00.0")).orElseThrow().iommuGroup()).hasValue(1);
    assertThat(s.problems()).anySatisfy(p -> assertThat(p.error()).contains("link missing"));
  }

  @Test
  void aHostWithoutSysfsStillListsHoldersAndSaysWhy() throws Exception {
    ScanResult s =
        scanEdited(e -> e.put("/sys/bus/pci/devices", new CaptureEntry.ErrorEntry("EACCES", "")));
    assertThat(s.topology().functions()).isEmpty();
    assertThat(s.topology().holders()).hasSize(1);
    assertThat(s.problems())
        .anySatisfy(p -> assertThat(p.path()).isEqualTo("/sys/bus/pci/devices"));
  }
}
