package org.vfioworkbench.host;

import java.io.IOException;
import java.util.Optional;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.kernel.KernelRelease;
import org.vfioworkbench.host.fs.HostFs;

/**
 * The kernel a host (or a capture of one) runs, from {@code /proc/sys/kernel/osrelease}, and the
 * profile the engine evaluates it under by default.
 *
 * @param osrelease what osrelease says ({@code 6.12.48-amd64}), empty when it could not be read
 * @param profile the profile of that release, or the default when the release is unknown
 * @param reason how the profile was chosen, for the CLI and the UI to show
 */
public record HostKernel(Optional<String> osrelease, Profile profile, String reason) {

  public static final String OSRELEASE = "/proc/sys/kernel/osrelease";

  /** Reads osrelease through {@code fs}; never fails, an unreadable release says so. */
  public static HostKernel of(HostFs fs) {
    String text;
    try {
      text = fs.readText(OSRELEASE).trim();
    } catch (IOException e) {
      return new HostKernel(
          Optional.empty(),
          Profile.DEFAULT,
          OSRELEASE + " unreadable; default profile " + Profile.DEFAULT.id());
    }
    return of(text);
  }

  /** The profile of an osrelease string ({@code 6.6.38-1-lts}). */
  public static HostKernel of(String osrelease) {
    try {
      Profile p = Profile.forKernel(KernelRelease.parse(osrelease));
      return new HostKernel(
          Optional.of(osrelease), p, "profile " + p.id() + " from the host's kernel " + osrelease);
    } catch (IllegalArgumentException e) {
      return new HostKernel(
          Optional.of(osrelease),
          Profile.DEFAULT,
          "kernel \"" + osrelease + "\" not understood; default profile " + Profile.DEFAULT.id());
    }
  }
}
