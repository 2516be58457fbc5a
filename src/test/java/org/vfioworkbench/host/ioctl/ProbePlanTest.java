package org.vfioworkbench.host.ioctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.host.capture.Capture;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.host.capture.CaptureEntry;
import org.vfioworkbench.host.capture.CaptureFs;
import org.vfioworkbench.model.Bdf;

/** The probe's refusals and predictions, decided from fixture scans without any ioctl. */
class ProbePlanTest {

  private static Capture fixture(String name) throws Exception {
    try {
      return CaptureCodec.read(
          Path.of(ProbePlanTest.class.getResource("/host/" + name + ".json").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ScanResult scan(String name, String removeProcess) throws Exception {
    Capture c = fixture(name);
    Map<String, CaptureEntry> e = new HashMap<>(c.entries());
    if (removeProcess != null) {
      e.keySet().removeIf(k -> k.startsWith("/proc/" + removeProcess + "/"));
    }
    return new HostScanner(new CaptureFs(new Capture(c.info(), e), name)).scan();
  }

  private static ProbePlan.Decision decide(ScanResult s, String bdf, ProbeMode m, boolean reset) {
    return ProbePlan.decide(s, Bdf.parse(bdf), m, reset, Profile.DEFAULT);
  }

  @Test
  void refusesADeviceAQemuHolds() throws Exception {
    ProbePlan.Decision d = decide(scan("workstation", null), "01:00.0", ProbeMode.GROUP, false);
    assertThat(d.refused()).isTrue();
    assertThat(d.refusals()).anyMatch(r -> r.contains("group 1 is held by qemu-system-x86[4242]"));
  }

  @Test
  void refusesFunctionsNotOnVfioAndCdevsOfNoIommuDevices() throws Exception {
    assertThat(decide(scan("workstation", null), "00:14.0", ProbeMode.GROUP, false).refusals())
        .singleElement()
        .asString()
        .contains("bound to xhci_hcd");
    assertThat(decide(scan("noiommu-host", "3100"), "01:00.0", ProbeMode.CDEV, false).refusals())
        .anyMatch(r -> r.contains("do not support no-IOMMU"));
    assertThat(decide(scan("workstation", null), "09:00.0", ProbeMode.GROUP, false).refusals())
        .singleElement()
        .asString()
        .contains("not on this host");
  }

  @Test
  void aFreeGpuIsPlannedWithTheEnginePredictionForTheProbeItself() throws Exception {
    ProbePlan.Decision d = decide(scan("workstation", "4242"), "01:00.0", ProbeMode.GROUP, true);
    assertThat(d.refusals()).isEmpty();
    ProbePlan p = d.plan().orElseThrow();
    assertThat(p.groupNode()).isEqualTo("/dev/vfio/1");
    assertThat(p.predictedInfo().ret()).isZero();
    assertThat(p.predictedInfo().entries())
        .extracting(e -> e.bdf() + " " + e.idLabel())
        .containsExactly("0000:01:00.0 group 1", "0000:01:00.1 group 1");
    assertThat(p.predictedReset().ret()).isZero();
  }

  @Test
  void aCdevProbePredictsDevIdReporting() throws Exception {
    ProbePlan p =
        decide(scan("workstation", "4242"), "01:00.0", ProbeMode.CDEV, false).plan().orElseThrow();
    assertThat(p.cdevNode()).contains("/dev/vfio/devices/vfio0");
    // The HDA function is not bound, but it shares IOMMU group 1 with the bound GPU: OWNED.
    assertThat(p.predictedInfo().entries())
        .extracting(e -> e.idLabel())
        .containsExactly("devid 1", "OWNED");
    assertThat(p.predictedInfo().flagsMask()).isEqualTo(3);
  }

  @Test
  void refusesAResetThatWouldHitADeviceInUse() throws Exception {
    // Port 1 of the mixed host is free once the cdev QEMU is gone, but port 0 is held by the
    // group QEMU and shares the bus.
    ProbePlan.Decision d = decide(scan("mixed-qemu", "5002"), "02:00.1", ProbeMode.GROUP, true);
    assertThat(d.refusals()).anyMatch(r -> r.contains("would affect 0000:02:00.0"));
    assertThat(decide(scan("mixed-qemu", "5002"), "02:00.1", ProbeMode.GROUP, false).refused())
        .isFalse();
  }

  @Test
  void kernelAndEngineDevidNumbersAreNotADifference() {
    assertThat(Prober.normalize("0000:01:00.0 devid 7, 0000:01:00.1 NOT_OWNED"))
        .isEqualTo("0000:01:00.0 devid, 0000:01:00.1 NOT_OWNED");
    assertThat(Prober.flagNames(3)).isEqualTo("DEV_ID|DEV_ID_OWNED");
    assertThat(Prober.flagNames(0)).isEqualTo("no flags");
  }
}
