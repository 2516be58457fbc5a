package org.vfioworkbench.cli;

import java.nio.file.Path;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.scenario.CallerSpec;
import org.vfioworkbench.scenario.LoadedScenario;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The file and the device fd an ioctl command calls on: {@code FILE --device BDF | --caller H:FD}.
 */
final class CallerTarget {

  @Parameters(paramLabel = "FILE", description = "A scenario file, or a host capture.")
  Path file;

  @Option(
      names = "--device",
      paramLabel = "BDF",
      description = "The device whose (one) open fd is the caller.")
  String device;

  @Option(
      names = "--caller",
      paramLabel = "HOLDER:FD",
      description = "The caller fd, when --device is ambiguous.")
  String caller;

  /** The loaded file, the checked caller and the profile to use. */
  record Resolved(LoadedScenario loaded, CallerSpec spec, Profile profile) {}

  Resolved resolve(CommonOptions common) {
    LoadedScenario loaded = ScenarioFiles.load(file);
    CallerSpec spec = ScenarioFiles.caller(device, caller);
    ScenarioFiles.resolve(loaded, spec);
    return new Resolved(
        loaded, spec, common.profile().orElse(loaded.scenario().profileOrDefault()));
  }
}
