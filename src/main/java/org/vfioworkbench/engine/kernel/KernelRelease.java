package org.vfioworkbench.engine.kernel;

import java.util.Comparator;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel release number: {@code 6.12.23}, {@code 6.15-rc2}, or what {@code
 * /proc/sys/kernel/osrelease} says ({@code 6.12.0-27-amd64}: the distribution suffix is dropped). A
 * release candidate sorts before the release it leads to.
 *
 * @param major the major number (6)
 * @param minor the minor number (12)
 * @param patch the stable patch level (0 for a mainline release or release candidate)
 * @param rc the release-candidate number, empty for a release
 */
public record KernelRelease(int major, int minor, int patch, OptionalInt rc)
    implements Comparable<KernelRelease> {

  private static final Pattern FORM =
      Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-rc(\\d+))?([-+_.~].*)?$");

  private static final Comparator<KernelRelease> ORDER =
      Comparator.comparingInt(KernelRelease::major)
          .thenComparingInt(KernelRelease::minor)
          .thenComparingInt(KernelRelease::patch)
          .thenComparingInt(r -> r.rc().orElse(Integer.MAX_VALUE));

  public KernelRelease {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative kernel version number");
    }
    if (rc.isPresent() && (patch != 0 || rc.getAsInt() < 1)) {
      throw new IllegalArgumentException("a release candidate is -rc1 or later of x.y");
    }
  }

  /** A stable or mainline release {@code major.minor.patch}. */
  public static KernelRelease of(int major, int minor, int patch) {
    return new KernelRelease(major, minor, patch, OptionalInt.empty());
  }

  /** The release candidate {@code major.minor-rcN}. */
  public static KernelRelease rc(int major, int minor, int rc) {
    return new KernelRelease(major, minor, 0, OptionalInt.of(rc));
  }

  /**
   * Parses {@code 6.6.38}, {@code 6.15-rc1}, {@code v6.10} or an osrelease string such as {@code
   * 6.12.0-27-amd64} or {@code 6.6.36-1.fc40.x86_64}.
   *
   * @throws IllegalArgumentException naming the text when it is not a kernel release
   */
  public static KernelRelease parse(String text) {
    String s = text == null ? "" : text.trim();
    Matcher m = FORM.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\""
              + s
              + "\" is not a kernel release (expected e.g. 6.6.38, 6.15-rc1 or 6.12.0-27-amd64)");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (m.group(4) != null) {
      if (patch != 0) {
        throw new IllegalArgumentException("\"" + s + "\": a stable release has no -rc");
      }
      return rc(major, minor, Integer.parseInt(m.group(4)));
    }
    return of(major, minor, patch);
  }

  /** True for the same {@code major.minor} series ({@code 6.12.3} and {@code 6.12.117}). */
  public boolean sameSeries(KernelRelease other) {
    return major == other.major && minor == other.minor;
  }

  /** True when this release is {@code other} or newer. */
  public boolean atLeast(KernelRelease other) {
    return compareTo(other) >= 0;
  }

  /** True when this release lies in {@code [from, to]}, both ends included. */
  public boolean between(KernelRelease from, KernelRelease to) {
    return atLeast(from) && to.atLeast(this);
  }

  @Override
  public int compareTo(KernelRelease other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    if (rc.isPresent()) {
      return major + "." + minor + "-rc" + rc.getAsInt();
    }
    return major + "." + minor + "." + patch;
  }
}
