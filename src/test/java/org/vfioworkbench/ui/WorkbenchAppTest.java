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

  @Test
  void theSamplesOfferOneSeedCaseTheSameAsTheStartDocument() throws Exception {
    var first = org.vfioworkbench.ui.files.BuiltInSamples.all().get(0);
    assertThat(first.source().read().topology())
        .isEqualTo(WorkbenchApp.startSample().source().read().topology());
    assertThat(org.vfioworkbench.ui.files.BundledSamples.others())
        .extracting(org.vfioworkbench.ui.files.Sample::name)
        .doesNotContain(WorkbenchApp.SEED_SAMPLE)
        .isNotEmpty();
    assertThat(org.vfioworkbench.ui.files.BuiltInSamples.all())
        .extracting(org.vfioworkbench.ui.files.Sample::name)
        .filteredOn(n -> n.toLowerCase(java.util.Locale.ROOT).contains("seed"))
        .hasSize(1);
  }

  @Test
  void onlyJavaFxsClassPathWarningIsDroppedAtStart() {
    var classPath =
        new java.util.logging.LogRecord(
            java.util.logging.Level.WARNING,
            "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'");
    var other =
        new java.util.logging.LogRecord(java.util.logging.Level.WARNING, "Something else failed");
    assertThat(WorkbenchApp.isNotClassPathWarning(classPath)).isFalse();
    assertThat(WorkbenchApp.isNotClassPathWarning(other)).isTrue();
  }
}
