package org.vfioworkbench.cli;

import java.util.Optional;
import org.vfioworkbench.engine.Profile;
import picocli.CommandLine.Option;

/**
 * {@code --profile}, {@code --kernel} and {@code --json}, shared by the commands that take one
 * profile.
 */
final class CommonOptions {

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      converter = ProfileConverter.class,
      description =
          "Kernel semantics to evaluate under (default: the scenario's, else linux-6.10). One of:"
              + " linux-6.17, linux-6.12, linux-6.12.0, linux-6.12.23, linux-6.10, linux-6.6.87,"
              + " linux-6.6.36, linux-6.6, linux-5.15, review-devfd-proof,"
              + " review-info-strict; or a kernel release.")
  Profile profile;

  @Option(
      names = "--kernel",
      paramLabel = "RELEASE",
      converter = KernelConverter.class,
      description =
          "Evaluate as kernel RELEASE would (6.6.38, 6.12.23, 6.15-rc1): picks that release's"
              + " profile. Not with --profile.")
  Profile kernel;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  /** The profile --profile or --kernel names, if any. */
  Optional<Profile> profile() {
    if (profile != null && kernel != null && profile != kernel) {
      throw new BadInputException(
          "give --profile or --kernel, not both (" + profile.id() + " vs " + kernel.id() + ")");
    }
    return Optional.ofNullable(profile != null ? profile : kernel);
  }
}
