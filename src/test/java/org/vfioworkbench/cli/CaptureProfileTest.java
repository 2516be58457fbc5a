package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A capture is evaluated under the profile of the kernel it recorded, unless told otherwise. */
class CaptureProfileTest {

  private static final String CAPTURE = "src/test/resources/host/workstation.json";

  @Test
  void evaluateJudgesACaptureUnderItsOwnKernelsProfile() {
    CliRun run = CliRun.of("evaluate", CAPTURE);

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Profile   linux-6.12 ");
  }

  @Test
  void anExplicitProfileStillWins() {
    CliRun run = CliRun.of("evaluate", CAPTURE, "--profile", "linux-6.6");

    assertThat(run.out()).contains("Profile   linux-6.6 ");
  }
}
