package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;
import org.vfioworkbench.scenario.ScenarioWriter;

/**
 * What a scan reads can always be saved as a scenario that reopens: the workbench's "Save as
 * scenario" of a scanned host (issue 15 found 6 of 6 generated hosts refused on reopening).
 */
class SaveAsScenarioTest {

  @TempDir Path dir;

  private static void assertReopens(String what, ScanResult scan) {
    Scenario saved = new Scenario("Host " + what, "", Optional.empty(), scan.topology(), List.of());
    String json = ScenarioWriter.toJson(saved);
    Scenario reopened;
    try {
      reopened = ScenarioLoader.parse(json, what + ".json");
    } catch (ScenarioException e) {
      throw new AssertionError(what + " does not reopen: " + e.getMessage());
    }
    assertThat(reopened.topology().functions()).as(what).hasSameSizeAs(scan.topology().functions());
    assertThat(reopened.topology().holders()).as(what).hasSameSizeAs(scan.topology().holders());
  }

  @Test
  void everyFixtureCaptureReopens() {
    for (String name :
        new String[] {
          FixtureHosts.WORKSTATION,
          FixtureHosts.SRIOV_SERVER,
          FixtureHosts.NOIOMMU,
          FixtureHosts.MIXED_QEMU
        }) {
      assertReopens(name, Fixtures.scan(name));
    }
  }

  @Test
  void generatedHostTreesReopen() {
    int[][] sizes = {{40, 5}, {300, 30}, {1200, 60}, {600, 600}};
    for (int[] s : sizes) {
      Path root = dir.resolve("host-" + s[0]);
      LargeHostTree.write(root, s[0], s[1]);
      assertReopens("generated " + s[0], new HostScanner(new LiveFs(root)).scan());
    }
  }
}
