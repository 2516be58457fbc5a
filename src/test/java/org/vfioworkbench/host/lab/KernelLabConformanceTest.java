package org.vfioworkbench.host.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite: every lab case on the real lab kernel in QEMU (built and cached on
 * first use), compared with the engine. Fails on any disagreement or setup failure, and when a
 * recorded kernel answer no longer matches what the kernel says. Writes
 * {@code target/lab/report.json}, one table per case and the answers of verified cases under
 * {@code target/lab/answers/}.
 */
@Tag("lab")
class KernelLabConformanceTest {

  private static final Path OUT = Path.of("target/lab");
  private static KernelLab lab;

  @BeforeAll
  static void kernel() throws Exception {
    Path kernel = KernelProvider.locate().kernel(m -> { });
    lab = new KernelLab(QemuOptions.defaults(kernel));
    Files.createDirectories(OUT.resolve("answers"));
  }

  @Test
  void everyCaseAgreesWithTheRealKernel() throws Exception {
    List<LabOutcome> outcomes = new ArrayList<>();
    for (LabCase c : LabFixtures.all()) {
      LabOutcome o = lab.run(c, m -> { });
      outcomes.add(o);
      String file = c.name().replaceAll("[^A-Za-z0-9.-]+", "-");
      Files.writeString(OUT.resolve(file + ".txt"), LabTable.render(o));
      if (o.status() == LabStatus.VERIFIED) {
        KernelAnswers.of(o).write(OUT.resolve("answers").resolve(file + ".kernel.json"));
      }
    }
    LabReportWriter.write(OUT.resolve("report.json"), outcomes);

    assertThat(outcomes).allSatisfy(o -> {
      assertThat(o.problems()).as(o.scenario()).isEmpty();
      assertThat(o.calls()).as(o.scenario())
          .allSatisfy(c -> assertThat(c.differences()).as(c.call()).isEmpty());
      assertThat(o.status()).as(o.scenario()).isEqualTo(LabStatus.VERIFIED);
    });
    for (LabOutcome o : outcomes) {
      StoredAnswers.find(o.scenario()).ifPresent(stored ->
          assertThat(KernelAnswers.of(o).calls()).as("recorded answers of " + o.scenario())
              .isEqualTo(stored.calls()));
    }
  }
}
