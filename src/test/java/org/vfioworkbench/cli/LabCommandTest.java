package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The lab command's bad-input paths; real runs are in the lab-tagged conformance suite. */
class LabCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new LabCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aBrokenScenarioIsBadInputNamingTheFileBeforeAnythingBoots() throws IOException {
    Path bad = Files.writeString(dir.resolve("broken.json"), "{");

    assertThat(run(bad.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("broken.json").doesNotContain("booting");
  }

  @Test
  void anUnknownAcceleratorIsBadInput() {
    assertThat(run("--accel", "hvf", "sample-topologies/s19-seed-cdev-and-type1-group.json"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--accel must be tcg or kvm");
  }

  @Test
  void aMissingKernelImageIsBadInput() {
    int code = run("--kernel", dir.resolve("no-bzImage").toString(),
        "sample-topologies/s24-no-bus-reset-quirk.json");

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("no-bzImage");
  }
}
