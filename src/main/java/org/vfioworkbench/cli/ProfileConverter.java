package org.vfioworkbench.cli;

import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.kernel.KernelRelease;
import picocli.CommandLine;

/**
 * {@code --profile linux-6.6} to a {@link Profile}; a kernel release ({@code 6.6.38}) picks the
 * profile of that release. Unknown values list the known ids.
 */
final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {

  @Override
  public Profile convert(String value) {
    return Profile.byId(value)
        .orElseGet(
            () -> {
              try {
                return Profile.forKernel(KernelRelease.parse(value));
              } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                    "unknown profile '"
                        + value
                        + "'; known profiles: "
                        + Profile.ids()
                        + " (or a kernel release such as 6.6.38)");
              }
            });
  }
}
