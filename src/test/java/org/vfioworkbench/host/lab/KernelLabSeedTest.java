package org.vfioworkbench.host.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs the seed case and its compat twin on the real lab kernel in QEMU. */
@Tag("lab")
class KernelLabSeedTest {

  private static LabOutcome run(LabCase c) throws Exception {
    Path kernel = KernelProvider.locate().kernel(m -> { });
    LabOutcome o = new KernelLab(QemuOptions.defaults(kernel)).run(c, m -> { });
    assertThat(o.problems()).isEmpty();
    return o;
  }

  @Test
  void seedCaseAnswersAsTheEngineSays() throws Exception {
    LabOutcome o = run(LabFixtures.seedCase());
    assertThat(o.calls()).allSatisfy(c -> assertThat(c.differences()).as(c.call()).isEmpty());
    assertThat(o.status()).isEqualTo(LabStatus.VERIFIED);
  }

  @Test
  void compatTwinAnswersAsTheEngineSays() throws Exception {
    LabOutcome o = run(LabFixtures.twinCase());
    assertThat(o.calls()).allSatisfy(c -> assertThat(c.differences()).as(c.call()).isEmpty());
    assertThat(o.status()).isEqualTo(LabStatus.VERIFIED);
  }
}
