package org.vfioworkbench.cli;

import org.vfioworkbench.engine.Profile;
import picocli.CommandLine;

/** {@code --profile linux-6.6} to a {@link Profile}, with the known ids on a mistake. */
final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {

  @Override
  public Profile convert(String value) {
    return Profile.byId(value)
        .orElseThrow(
            () ->
                new CommandLine.TypeConversionException(
                    "unknown profile '" + value + "'; known profiles: " + Profile.ids()));
  }
}
