package org.vfioworkbench.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.scenario.Scenario;

class BundledSamplesTest {

  @TempDir Path dir;

  @Test
  void everyBundledSampleIsListedAndReads() throws Exception {
    var samples = BundledSamples.list();
    assertThat(samples).extracting(Sample::name).contains("s19-seed-cdev-and-type1-group");
    for (Sample s : samples) {
      assertThat(s.source().read().topology().functions()).as(s.name()).isNotEmpty();
    }
  }

  @Test
  void theBundledSeedCaseSaysNotOwnedForFn0() throws Exception {
    Scenario seed =
        BundledSamples.list().stream()
            .filter(s -> s.name().startsWith("s19"))
            .findFirst()
            .orElseThrow()
            .source()
            .read();
    Analysis a = Analysis.of(seed.topology(), seed.profileOrDefault());
    FdRef fn0 =
        a.devices().get(org.vfioworkbench.model.Bdf.parse("0000:02:00.0")).cdevFd().orElseThrow();
    assertThat(a.info(fn0).flags()).containsExactly(InfoFlag.DEV_ID);
  }

  @Test
  void recentFilesKeepTheLatestFirstWithoutDuplicates() {
    RecentFiles r = new RecentFiles(dir);
    r.add(Path.of("/tmp/a.json"));
    r.add(Path.of("/tmp/b.json"));
    r.add(Path.of("/tmp/a.json"));
    assertThat(r.list()).containsExactly(Path.of("/tmp/a.json"), Path.of("/tmp/b.json"));
  }
}
