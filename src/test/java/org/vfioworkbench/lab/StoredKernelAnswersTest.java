package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds the engine to the answers a real kernel gave (recorded by the lab, never written by hand),
 * without booting anything: every fixture recording and every sample recording the lab verified. A
 * recording that still disagrees (status DISAGREES) is the lab-tagged conformance suite's to fail
 * on until the engine is fixed.
 */
class StoredKernelAnswersTest {

  @Test
  void theEngineStillAnswersEveryRecordedCallAsTheKernelDid() throws IOException {
    List<String> checked = new ArrayList<>();
    for (LabCase c : LabFixtures.all()) {
      KernelAnswers stored =
          StoredAnswers.find(c.name())
              .orElseThrow(() -> new AssertionError("no recorded kernel answers for " + c.name()));
      checked.add(check(c, stored));
    }
    for (Path sample : StoredAnswers.samples(Path.of("sample-topologies"))) {
      Path answers = KernelAnswers.besides(sample);
      if (Files.exists(answers)) {
        KernelAnswers stored = KernelAnswers.read(answers);
        if (stored.status() == LabStatus.VERIFIED) {
          checked.add(check(ScenarioLabCases.load(sample), stored));
        }
      }
    }
    assertThat(checked)
        .contains(
            "S19 seed",
            "S20 compat twin",
            "s19-seed-cdev-and-type1-group.json",
            "s20-seed-iommufd-compat-twin.json");
  }

  private static String check(LabCase c, KernelAnswers stored) {
    assertThat(stored.kernel()).startsWith("Linux version 6.12.118");
    EngineAnswers engine = new EngineAnswers(c);
    Map<String, LabCall> byName =
        c.calls().stream().collect(Collectors.toMap(LabCall::describe, Function.identity()));
    for (KernelAnswers.RecordedCall r : stored.calls()) {
      LabCall call = byName.get(r.call());
      assertThat(call).as("recorded call %s still made by %s", r.call(), c.name()).isNotNull();
      assertThat(engine.answer(call)).as(c.name() + ": " + r.call()).isEqualTo(r.kernel());
    }
    assertThat(stored.calls()).as(c.name()).isNotEmpty();
    return c.name();
  }
}
