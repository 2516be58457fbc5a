package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --kernel RELEASE} and the host's own kernel picking the profile. */
class KernelOptionTest {

  private static final String SEED = "sample-topologies/s14-cdev-both-functions.json";

  @Test
  void kernelPicksTheProfileOfThatRelease() {
    assertThat(
            CliRun.of("evaluate", SEED, "--kernel", "6.6.20", "--json")
                .json()
                .get("profile")
                .asText())
        .isEqualTo("linux-6.6");
    assertThat(
            CliRun.of("evaluate", SEED, "--kernel", "6.6.38", "--json")
                .json()
                .get("profile")
                .asText())
        .isEqualTo("linux-6.6.36");
    assertThat(
            CliRun.of("evaluate", SEED, "--kernel", "6.6.41", "--json")
                .json()
                .get("profile")
                .asText())
        .isEqualTo("linux-6.10");
    assertThat(
            CliRun.of("evaluate", SEED, "--kernel", "6.12.23", "--json")
                .json()
                .get("profile")
                .asText())
        .isEqualTo("linux-6.12.23");
    CliRun bad = CliRun.of("evaluate", SEED, "--kernel", "six");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("\"six\" is not a kernel release");
    CliRun both = CliRun.of("evaluate", SEED, "--kernel", "6.6.20", "--profile", "linux-6.12");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("not both");
  }

  @Test
  void compareTakesTwoReleases() {
    CliRun r = CliRun.of("compare", SEED, "--profile", "6.6.20", "--profile", "5.15.100");
    assertThat(r.out()).contains("linux-6.6").contains("linux-5.15");
  }

  @Test
  void aCaptureIsJudgedUnderItsOwnKernelUnlessAsked() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new ScanCommand());
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--root", ScanCommandTest.fixture("sriov-server"))).isZero();
    assertThat(out.toString())
        .contains("Verdicts under profile linux-6.12 from the host's kernel 6.12.48-amd64.");
    StringWriter asked = new StringWriter();
    CommandLine cl2 = new CommandLine(new ScanCommand());
    cl2.setOut(new PrintWriter(asked));
    assertThat(cl2.execute("--root", ScanCommandTest.fixture("sriov-server"), "--kernel", "6.6.1"))
        .isZero();
    assertThat(asked.toString()).contains("Verdicts under profile linux-6.6 as asked.");
  }
}
