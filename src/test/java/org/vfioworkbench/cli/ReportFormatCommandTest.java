package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code evaluate} and {@code compare} with {@code --format markdown|text}: the review report. */
class ReportFormatCommandTest {

  @Test
  void evaluateWithoutFormatKeepsItsOutputAndTheReportAddsTheTopology() {
    CliRun plain = CliRun.of("evaluate", WorkbenchCliTest.SEED);
    CliRun text = CliRun.of("evaluate", WorkbenchCliTest.SEED, "--format", "text");
    assertThat(text.exit()).isZero();
    assertThat(plain.out()).doesNotContain("Topology (lspci -tv style");
    assertThat(text.out())
        .contains("Topology (lspci -tv style")
        .contains("0000:02:00.1 HD Audio")
        .contains("Every reset variant per device fd:");
    // every line evaluate prints is in the report, in the same order
    int at = 0;
    for (String line : plain.out().lines().toList()) {
      int found = text.out().indexOf(line, at);
      assertThat(found).as(line).isNotNegative();
      at = found;
    }
  }

  @Test
  void evaluateAsMarkdown() {
    CliRun md = CliRun.of("evaluate", WorkbenchCliTest.SEED, "--format", "markdown");
    assertThat(md.exit()).isZero();
    assertThat(md.out())
        .startsWith("# Hot reset review: Seed case")
        .contains("| qemu-cdev:4 | 0000:02:00.0 |")
        .contains("would print**: `vfio: Cannot reset device 0000:02:00.1, depends on group 20");
  }

  @Test
  void compareAsReportKeepsTheExitStatus() {
    CliRun r =
        CliRun.of(
            "compare",
            WorkbenchCliTest.SEED,
            "--profile",
            "linux-6.10",
            "--profile",
            "linux-6.6",
            "--format",
            "md");
    assertThat(r.exit()).isEqualTo(ExitCodes.DIFFERS);
    assertThat(r.out())
        .contains("- **Compared with**: `linux-6.6`")
        .contains("## Profile differences: linux-6.10 vs linux-6.6")
        .contains("| INFO qemu-cdev:4 argsz 12 | flags | 0 | DEV_ID\\|DEV_ID_OWNED |");
  }

  @Test
  void badFormatsAreRefused() {
    CliRun unknown = CliRun.of("evaluate", WorkbenchCliTest.SEED, "--format", "html");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown report format 'html'");
    CliRun both = CliRun.of("evaluate", WorkbenchCliTest.SEED, "--format", "text", "--json");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("give --format or --json, not both");
  }
}
