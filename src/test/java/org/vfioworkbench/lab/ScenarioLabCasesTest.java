package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.engine.Profile;

class ScenarioLabCasesTest {

  @TempDir Path dir;

  @Test
  void theSeedSampleMakesItsExpectCallsThenTheNaturalOnesUnderTheLabKernelsProfile()
      throws IOException {
    LabCase c =
        ScenarioLabCases.load(Path.of("sample-topologies/s19-seed-cdev-and-type1-group.json"));

    assertThat(c.profile()).isEqualTo(Profile.LINUX_6_10);
    assertThat(c.calls())
        .extracting(LabCall::describe)
        .containsExactly(
            "INFO qemu-cdev:4",
            "HOT_RESET qemu-cdev:4 zero-length array",
            "INFO qemu-legacy:5",
            "HOT_RESET qemu-legacy:5 groups [21]",
            "open qemu-legacy:6 /dev/vfio/20 (no container)",
            "HOT_RESET qemu-cdev:4 natural: zero-length array",
            "HOT_RESET qemu-legacy:5 natural: held groups of the affected functions: group 21");
  }

  @Test
  void aBrokenFileIsAnErrorNamingIt() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{ \"format\": 1, ");

    assertThatThrownBy(() -> ScenarioLabCases.load(bad))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad.json");
  }

  @Test
  void answersAreStoredInAFolderBesideTheSamplesNeverAsSamples() {
    assertThat(KernelAnswers.besides(Path.of("/x/sample-topologies/s19.json")))
        .isEqualTo(Path.of("/x/sample-topologies/kernel-answers/s19.json"));
  }
}
