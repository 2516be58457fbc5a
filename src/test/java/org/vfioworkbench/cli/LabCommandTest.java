package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.lab.HostPackages;
import picocli.CommandLine;

/**
 * The lab command's bad-input paths and its host-package check (with a stand-in probe and
 * installer); real runs are in the lab-tagged conformance suite.
 */
class LabCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return run(new LabCommand(), args);
  }

  private int run(LabCommand command, String... args) {
    CommandLine cli = new CommandLine(command);
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
    int code =
        run(
            "--kernel",
            dir.resolve("no-bzImage").toString(),
            "sample-topologies/s24-no-bus-reset-quirk.json");

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("no-bzImage");
  }

  /** A probe that reports {@code missing} (of what is asked) and records every question. */
  private static final class FakeHost {
    final List<List<String>> asked = new ArrayList<>();
    final List<List<String>> installed = new ArrayList<>();
    Set<String> missing;

    FakeHost(String... missing) {
      this.missing = new HashSet<>(List.of(missing));
    }

    LabCommand command() {
      LabCommand c = new LabCommand();
      c.packages =
          packages -> {
            asked.add(packages);
            return packages.stream().filter(missing::contains).toList();
          };
      c.installer =
          (packages, listener, cancellation) -> {
            installed.add(packages);
            missing.removeAll(packages);
          };
      return c;
    }
  }

  @Test
  void missingHostPackagesWithoutInstallDepsExitTwoNamingExactlyThem() throws IOException {
    FakeHost host = new FakeHost("qemu-system-x86", "bison", "not-needed-by-the-lab");
    Path bz = Files.writeString(dir.resolve("bzImage"), "x");

    int code =
        run(
            host.command(),
            "--kernel",
            bz.toString(),
            "sample-topologies/s19-seed-cdev-and-type1-group.json");

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(host.asked).containsExactly(HostPackages.GUEST);
    assertThat(err.toString())
        .containsPattern("missing host packages: qemu-system-x86\\R")
        .contains("sudo apt-get install --no-install-recommends qemu-system-x86")
        .contains("--install-deps")
        .doesNotContain("bison")
        .doesNotContain("booting");
    assertThat(host.installed).isEmpty();
  }

  @Test
  void buildingTheLabKernelAlsoNeedsItsBuildPackages() {
    FakeHost host = new FakeHost("bison", "linux-source-6.12");

    int code = run(host.command(), "--prepare");

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(host.asked.get(0))
        .containsAll(HostPackages.GUEST)
        .containsAll(HostPackages.KERNEL_BUILD);
    assertThat(err.toString()).contains("missing host packages: linux-source-6.12 bison");
    assertThat(host.installed).isEmpty();
  }

  @Test
  void installDepsInstallsExactlyTheMissingPackagesThenGoesOn() throws IOException {
    FakeHost host = new FakeHost("busybox-static", "qemu-system-x86");
    Path bz = Files.writeString(dir.resolve("bzImage"), "x");

    int code = run(host.command(), "--install-deps", "--prepare", "--kernel", bz.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(host.installed).containsExactly(List.of("qemu-system-x86", "busybox-static"));
    assertThat(out.toString().trim()).isEqualTo(bz.toString());
  }

  @Test
  void packagesStillMissingAfterInstallingAreBadInput() throws IOException {
    FakeHost host = new FakeHost("qemu-system-x86");
    LabCommand c = host.command();
    c.installer = (packages, listener, cancellation) -> host.installed.add(packages);
    Path bz = Files.writeString(dir.resolve("bzImage"), "x");

    int code = run(c, "--install-deps", "--prepare", "--kernel", bz.toString());

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("still missing after installing: qemu-system-x86");
  }

  @Test
  void prepareTakesNoFileAndARunNeedsOne() {
    assertThat(run("--prepare", "sample-topologies/s19-seed-cdev-and-type1-group.json"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString())
        .contains("--prepare takes no FILE")
        .contains("give one or more scenario FILEs");
  }
}
