package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.host.ioctl.ProbeReport;
import picocli.CommandLine;

/** The probe's guards, run in-process; none of these reaches an ioctl. */
class ProbeCommandTest {

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new ProbeCommand());
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void refusesToProbeACapture() {
    assertThat(run("--root", ScanCommandTest.fixture("workstation"), "-d", "01:00.0")).isEqualTo(2);
    assertThat(err.toString()).contains("--root must be /");
  }

  @Test
  void aResetNeedsTheAffectedFunctionsTypedBack() {
    assertThat(run("-d", "01:00.0", "--reset")).isEqualTo(2);
    assertThat(err.toString()).contains("--reset needs --confirm");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThat(run("-d", "zz:00.0")).isEqualTo(2);
    assertThat(err.toString()).contains("not a PCI address");
    assertThat(run("-d", "01:00.0", "--via", "magic")).isEqualTo(2);
  }

  @Test
  void theReportMarksDifferences() {
    StringWriter out = new StringWriter();
    ProbeCommand.print(
        new PrintWriter(out),
        new ProbeReport(
            List.of("open(/dev/vfio/vfio) = fd 3"),
            List.of(
                new ProbeReport.Row("INFO return", "0", "0"),
                new ProbeReport.Row("INFO flags", "DEV_ID", "DEV_ID|DEV_ID_OWNED"))));
    assertThat(out.toString())
        .contains("  INFO return")
        .contains("! INFO flags")
        .contains("! marks a difference");
  }
}
