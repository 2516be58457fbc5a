package org.vfioworkbench.host.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds the engine to the answers a real kernel gave (recorded by the lab's conformance suite,
 * never written by hand), without booting anything.
 */
class StoredKernelAnswersTest {

  @Test
  void theEngineStillAnswersEveryRecordedCallAsTheKernelDid() {
    int compared = 0;
    for (LabCase c : LabFixtures.all()) {
      KernelAnswers stored = StoredAnswers.find(c.name()).orElseThrow(
          () -> new AssertionError("no recorded kernel answers for " + c.name()));
      assertThat(stored.kernel()).startsWith("Linux version 6.12.117");
      EngineAnswers engine = new EngineAnswers(c);
      Map<String, LabCall> byName = c.calls().stream()
          .collect(Collectors.toMap(LabCall::describe, Function.identity()));
      for (KernelAnswers.RecordedCall r : stored.calls()) {
        if (r.call().startsWith("setup: ")) {
          continue;
        }
        LabCall call = byName.get(r.call());
        assertThat(call).as("recorded call %s still made by %s", r.call(), c.name()).isNotNull();
        assertThat(engine.answer(call)).as(c.name() + ": " + r.call()).isEqualTo(r.kernel());
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(10);
  }
}
