package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite: the seed fixtures and every bundled sample on the real lab kernel in QEMU
 * (built and cached on first use with the build script shipped in the jar), compared with the
 * engine. Fails on any disagreement or setup failure, and when a recorded kernel answer no longer
 * matches what the kernel says. Writes {@code target/lab/report.json}, one table per case and the
 * kernel's answers under {@code target/lab/answers/}.
 */
@Tag("lab")
class KernelLabConformanceTest {

  private static final Path OUT = Path.of("target/lab");
  private static final Path SAMPLES = Path.of("sample-topologies");
  private static KernelLab lab;

  @BeforeAll
  static void kernel() throws Exception {
    Path kernel = KernelProvider.locate().kernel(m -> System.err.println(m));
    lab = new KernelLab(QemuOptions.defaults(kernel));
    Files.createDirectories(OUT.resolve("answers"));
  }

  @Test
  void everyCaseTheLabCanBuildAgreesWithTheRealKernel() throws Exception {
    List<LabOutcome> outcomes = new ArrayList<>();
    List<Optional<KernelAnswers>> recorded = new ArrayList<>();
    for (LabCase c : LabFixtures.all()) {
      outcomes.add(run(c));
      recorded.add(StoredAnswers.find(c.name()));
    }
    for (Path sample : StoredAnswers.samples(SAMPLES)) {
      outcomes.add(run(ScenarioLabCases.load(sample)));
      Path answers = KernelAnswers.besides(sample);
      recorded.add(
          Files.exists(answers) ? Optional.of(KernelAnswers.read(answers)) : Optional.empty());
    }
    LabReportWriter.write(OUT.resolve("report.json"), outcomes);

    assertThat(outcomes)
        .filteredOn(o -> o.status() != LabStatus.CANNOT_EXPRESS)
        .allSatisfy(
            o -> {
              assertThat(o.problems()).as(o.scenario()).isEmpty();
              assertThat(o.calls())
                  .as(o.scenario())
                  .allSatisfy(c -> assertThat(c.differences()).as(c.call()).isEmpty());
              assertThat(o.status()).as(o.scenario()).isEqualTo(LabStatus.VERIFIED);
            });
    assertThat(outcomes)
        .filteredOn(o -> o.scenario().startsWith("s19-") || o.scenario().startsWith("s20-"))
        .hasSize(2)
        .allSatisfy(o -> assertThat(o.status()).isEqualTo(LabStatus.VERIFIED));
    for (int i = 0; i < outcomes.size(); i++) {
      LabOutcome o = outcomes.get(i);
      recorded
          .get(i)
          .ifPresent(
              stored ->
                  assertThat(calls(KernelAnswers.of(o)))
                      .as("recorded kernel answers of " + o.scenario())
                      .isEqualTo(calls(stored)));
    }
  }

  private static LabOutcome run(LabCase c) throws Exception {
    LabOutcome o = lab.run(c, m -> {});
    String file = c.name().replaceAll("[^A-Za-z0-9.-]+", "-");
    Files.writeString(OUT.resolve(file + ".txt"), LabTable.render(o));
    if (o.status() == LabStatus.VERIFIED || o.status() == LabStatus.DISAGREES) {
      KernelAnswers.of(o)
          .write(OUT.resolve("answers").resolve(file.replaceFirst("\\.json$", "") + ".json"));
    }
    return o;
  }

  /** The kernel's side only: what the engine said when it was recorded may change. */
  private static List<String> calls(KernelAnswers a) {
    return a.calls().stream().map(c -> c.call() + " -> " + c.kernel()).toList();
  }
}
