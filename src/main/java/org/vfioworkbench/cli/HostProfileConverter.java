package org.vfioworkbench.cli;

import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.kernel.KernelRelease;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a profile id ({@code linux-6.10}) or a kernel release ({@code 6.6.38}) for the host
 * commands (scan, probe).
 */
public final class HostProfileConverter implements ITypeConverter<Profile> {

  @Override
  public Profile convert(String value) {
    return Profile.byId(value)
        .orElseGet(
            () -> {
              try {
                return Profile.forKernel(KernelRelease.parse(value));
              } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                    "unknown profile '"
                        + value
                        + "' (known: "
                        + Profile.ids()
                        + ", or a kernel release such as 6.6.38)");
              }
            });
  }
}
