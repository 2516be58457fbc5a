package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vfioworkbench.host.capture.Capture;
import org.vfioworkbench.host.capture.CaptureCodec;

/**
 * The committed fixture captures are what {@link FixtureHosts} lays out, read through the real
 * capture path: a change to either shows up here ({@code FixtureHosts.main} rewrites them).
 */
class FixtureCapturesTest {

  @ParameterizedTest
  @ValueSource(strings = {"workstation", "sriov-server", "noiommu-host", "mixed-qemu"})
  void committedCaptureMatchesTheLaidOutHost(String name) throws Exception {
    Path dir = Files.createTempDirectory("vfio-fixture-");
    try {
      Capture fresh = FixtureHosts.capture(name, dir);
      Capture committed = CaptureCodec.read(Fixtures.path(name));
      assertThat(committed.entries()).isEqualTo(fresh.entries());
      assertThat(committed.info().kernel()).isEqualTo("6.12.48-amd64");
    } finally {
      FixtureHosts.deleteTree(dir);
    }
  }
}
