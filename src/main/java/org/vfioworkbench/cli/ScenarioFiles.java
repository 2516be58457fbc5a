package org.vfioworkbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.host.HostSources;
import org.vfioworkbench.host.ScanListener;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.scenario.CallRunner;
import org.vfioworkbench.scenario.CallerResolver;
import org.vfioworkbench.scenario.CallerSpec;
import org.vfioworkbench.scenario.ExpectedCall;
import org.vfioworkbench.scenario.LoadedScenario;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;

/**
 * Loading files and naming callers for the commands, with bad input as {@link BadInputException}.
 */
final class ScenarioFiles {

  private ScenarioFiles() {}

  /** Reads a scenario file, or scans a host capture (or a root directory) into a scenario. */
  static LoadedScenario load(Path file) {
    if (Files.isDirectory(file) || HostSources.isCapture(file)) {
      return scanHost(file);
    }
    try {
      return ScenarioLoader.read(file);
    } catch (ScenarioException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private static LoadedScenario scanHost(Path source) {
    try {
      HostSources.HostScan host = HostSources.scanWithKernel(source, ScanListener.NONE);
      ScanResult scan = host.result();
      String name = "Host " + source.getFileName();
      String description =
          "Scanned from "
              + source
              + (scan.problems().isEmpty()
                  ? ""
                  : "; " + scan.problems().size() + " item(s) could not be read")
              + "; "
              + host.kernel().reason();
      return new LoadedScenario(
          source.toString(),
          new Scenario(
              name,
              description,
              java.util.Optional.of(host.kernel().profile()),
              scan.topology(),
              List.of()),
          List.of());
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException(
          e instanceof IOException io
              ? HostSources.why(source, io)
              : source + ": " + e.getMessage());
    }
  }

  /** The caller named by {@code --device} or {@code --caller holder:fd}. */
  static CallerSpec caller(String device, String caller) {
    if ((device == null) == (caller == null)) {
      throw new BadInputException(
          "name the device fd with --device BDF or --caller HOLDER:FD (one of them)");
    }
    if (device != null) {
      try {
        return CallerSpec.device(Bdf.parse(device));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--device: " + e.getMessage());
      }
    }
    int colon = caller.lastIndexOf(':');
    try {
      return CallerSpec.fd(
          new FdRef(caller.substring(0, colon), Integer.parseInt(caller.substring(colon + 1))));
    } catch (RuntimeException e) {
      throw new BadInputException("--caller: '" + caller + "' is not HOLDER:FD (like qemu-vm1:5)");
    }
  }

  /** Runs {@code call}; a call that cannot be made is bad input. */
  static CallRunner.Ran run(LoadedScenario loaded, Profile profile, ExpectedCall call) {
    CallRunner.Ran ran = CallRunner.run(loaded.scenario().topology(), profile, call);
    if (ran instanceof CallRunner.NotRun n) {
      throw new BadInputException(loaded.source() + ": " + n.reason());
    }
    return ran;
  }

  /** Checks that {@code spec} names an fd of {@code loaded}. */
  static FdRef resolve(LoadedScenario loaded, CallerSpec spec) {
    try {
      return CallerResolver.resolve(loaded.scenario().topology(), spec);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(loaded.source() + ": " + e.getMessage());
    }
  }
}
