package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run builds only the subcommand it names; usage and help still see every command. */
class LazySubcommandsTest {

  @TempDir Path dir;

  @Test
  void aNamedCommandBuildsOnlyThatCommand() {
    assertThat(WorkbenchCli.commandLine(new String[] {"evaluate", "x.json"}).getSubcommands())
        .containsOnlyKeys("evaluate");
    assertThat(WorkbenchCli.commandLine(new String[] {"scan", "--json"}).getSubcommands())
        .containsOnlyKeys("scan");
  }

  @Test
  void theVersionAloneBuildsNoCommand() {
    assertThat(WorkbenchCli.commandLine(new String[] {"--version"}).getSubcommands()).isEmpty();
    assertThat(WorkbenchCli.commandLine(new String[] {"-V"}).getSubcommands()).isEmpty();
    CliRun version = CliRun.of("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("VFIO Workbench ");
    assertThat(WorkbenchCli.commandLine(new String[] {"--version", "scan"}).getSubcommands())
        .containsOnlyKeys("scan");
  }

  @Test
  void usageHelpAndUnknownNamesGetEveryCommand() {
    for (String[] args :
        List.of(
            new String[0],
            new String[] {"--help"},
            new String[] {"help", "scan"},
            new String[] {"evalute", "x.json"})) {
      assertThat(WorkbenchCli.commandLine(args).getSubcommands().keySet())
          .containsExactlyElementsOf(WorkbenchCli.SUBCOMMANDS);
    }
  }

  @Test
  void everyListedNameBuildsTheCommandOfThatName() {
    for (String name : WorkbenchCli.SUBCOMMANDS) {
      assertThat(
              WorkbenchCli.commandLine(new String[] {name, "--help"})
                  .getSubcommands()
                  .get(name)
                  .getCommandName())
          .isEqualTo(name);
    }
  }

  @Test
  void usageStillListsEveryCommandAndHelpExplainsOne() {
    CliRun usage = CliRun.of("--help");
    for (String name : WorkbenchCli.SUBCOMMANDS) {
      assertThat(usage.out()).contains("  " + name);
    }
    assertThat(CliRun.of("help", "scan").out()).contains("Usage: vfio-workbench scan");
    CliRun typo = CliRun.of("evalute", "x.json");
    assertThat(typo.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(typo.err()).contains("evaluate");
  }

  @Test
  void theTrainingRunCoversEvaluateCheckAndScanWithoutFailures() throws Exception {
    assertThat(StartupTraining.run(List.of(Path.of(WorkbenchCliTest.SEED)))).isZero();
    assertThat(StartupTraining.run(List.of())).as("the bundled sample").isZero();
    assertThat(StartupTraining.run(List.of(dir.resolve("missing.json")))).isEqualTo(3);
  }

  @Test
  void theTrainingHostIsScannedThroughEveryReaderWithNothingUnreadable() throws Exception {
    Path host = dir.resolve("training-host");
    TrainingHost.write(host);
    CliRun run = CliRun.of("scan", "--root", host.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("2 PCI functions on 2 buses", "2 IOMMU groups, 1 holder")
        .contains("everything could be read")
        .contains("driver: vfio-pci  group: 2  /dev/vfio/devices/vfio0  reset: flr bus")
        .contains("fd 22  anon_inode:[vfio-device] 0000:01:00.0")
        .contains("HOT_RESET");
    TrainingHost.delete(host);
    assertThat(host).doesNotExist();
  }
}
