package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.scenario.ScenarioLoader;

/** With no file, the workbench opens the seed case the README opens: one seed case, not two. */
class WorkbenchAppTest {

  @Test
  void withNoFileTheStartDocumentIsTheReadmesSeedSample() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains("sample-topologies/" + WorkbenchApp.SEED_SAMPLE + ".json");

    var start = WorkbenchApp.startSample().source().read();
    var seed =
        ScenarioLoader.load(Path.of("sample-topologies", WorkbenchApp.SEED_SAMPLE + ".json"));

    assertThat(start.topology()).isEqualTo(seed.topology());
    assertThat(start.profile()).isEqualTo(seed.profile());
  }
}
