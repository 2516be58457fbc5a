package org.vfioworkbench.cli;

import java.util.Optional;
import org.vfioworkbench.engine.Profile;
import picocli.CommandLine.Option;

/** {@code --profile} and {@code --json}, shared by the commands that take one profile. */
final class CommonOptions {

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      converter = ProfileConverter.class,
      description =
          "Kernel semantics to evaluate under (default: the scenario's, else linux-6.10). One of:"
              + " linux-6.10, linux-6.6, linux-5.15, review-devfd-proof, review-info-strict.")
  Profile profile;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  Optional<Profile> profile() {
    return Optional.ofNullable(profile);
  }
}
