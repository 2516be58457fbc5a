package org.vfioworkbench.cli;

import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.kernel.KernelRelease;
import picocli.CommandLine;

/** {@code --kernel 6.6.38}: the profile of that kernel release. */
final class KernelConverter implements CommandLine.ITypeConverter<Profile> {

  @Override
  public Profile convert(String value) {
    try {
      return Profile.forKernel(KernelRelease.parse(value));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
