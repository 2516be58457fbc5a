package org.vfioworkbench.cli;

import org.vfioworkbench.engine.Profile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a profile id ({@code linux-6.10}) for the host commands (scan, probe). */
public final class HostProfileConverter implements ITypeConverter<Profile> {

  @Override
  public Profile convert(String value) {
    return Profile.byId(value).orElseThrow(() -> new TypeConversionException(
        "unknown profile '" + value + "' (known: " + Profile.ids() + ")"));
  }
}
