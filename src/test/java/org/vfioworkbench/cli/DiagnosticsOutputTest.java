package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code check}, {@code evaluate} and {@code scan} carry the engine's diagnostics, text and JSON.
 */
class DiagnosticsOutputTest {

  private static List<JsonNode> ofKind(JsonNode diagnostics, String kind) {
    List<JsonNode> out = new ArrayList<>();
    diagnostics.forEach(
        d -> {
          if (d.get("kind").asText().equals(kind)) {
            out.add(d);
          }
        });
    return out;
  }

  @Test
  void evaluateJsonListsTheSeedCaseConflictsOnTheCallersFds() {
    JsonNode root = CliRun.of("evaluate", WorkbenchCliTest.SEED, "--json").json();
    List<JsonNode> conflicts = ofKind(root.get("diagnostics"), "ownership-conflict");
    assertThat(conflicts)
        .extracting(d -> d.at("/subject/holder").asText() + ":" + d.at("/subject/fd").asInt())
        .containsExactlyInAnyOrder("qemu-cdev:4", "qemu-legacy:5");
    assertThat(conflicts)
        .allSatisfy(
            d -> {
              assertThat(d.get("severity").asText()).isEqualTo("warning");
              assertThat(d.get("message").asText()).contains("-EINVAL");
            });
  }

  @Test
  void evaluateTextEndsWithTheDiagnostics() {
    CliRun r = CliRun.of("evaluate", WorkbenchCliTest.SEED);
    assertThat(r.out())
        .contains("Diagnostics (")
        .contains("warning ownership-conflict qemu-cdev fd 4: qemu-cdev cannot hot-reset");
  }

  @Test
  void checkCarriesDiagnosticsPerFileWithoutChangingTheExitStatus() {
    CliRun r = CliRun.of("check", WorkbenchCliTest.SEED, "--json");
    assertThat(r.exit()).isZero();
    JsonNode file = r.json().get("files").get(0);
    assertThat(ofKind(file.get("diagnostics"), "ownership-conflict")).hasSize(2);

    CliRun text = CliRun.of("check", WorkbenchCliTest.SEED);
    assertThat(text.out())
        .contains("  Diagnostics (")
        .contains("ownership-conflict qemu-legacy fd 5");
  }

  @Test
  void samplesWhoseNaturalResetsAllSucceedHaveNoConflicts() throws Exception {
    int clean = 0;
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("sample-topologies"))) {
      for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = CliRun.of("evaluate", file.toString(), "--json").json();
        boolean everyResetSucceeds = root.get("devices").size() > 0;
        for (JsonNode d : root.get("devices")) {
          everyResetSucceeds &= d.at("/naturalReset/result/ret").asInt() == 0;
        }
        if (everyResetSucceeds) {
          clean++;
          assertThat(ofKind(root.get("diagnostics"), "ownership-conflict"))
              .as(file.toString())
              .isEmpty();
        }
      }
    }
    assertThat(clean).isPositive();
  }

  @Test
  void scanJsonAndTextCarryDiagnosticsUnlessVerdictsAreOff() {
    String capture = ScanCommandTest.fixture("mixed-qemu");
    JsonNode root = CliRun.of("scan", "--root", capture, "--json").json();
    assertThat(root.get("diagnostics")).isNotNull();
    JsonNode failing = root.get("verdicts").get(0);
    assertThat(failing.at("/hotReset/ret").asText()).isEqualTo("-EINVAL");
    assertThat(root.get("diagnostics"))
        .anySatisfy(
            d ->
                assertThat(d.get("kind").asText())
                    .isIn("ownership-conflict", "unheld-device-blocks-reset"));

    assertThat(CliRun.of("scan", "--root", capture).out()).contains("Diagnostics");
    assertThat(
            CliRun.of("scan", "--root", capture, "--json", "--no-verdicts")
                .json()
                .get("diagnostics"))
        .isNull();
  }
}
