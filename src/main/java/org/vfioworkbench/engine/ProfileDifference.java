package org.vfioworkbench.engine;

import java.util.Objects;

/**
 * One field that comes out differently under two profiles.
 *
 * @param call the call, e.g. "INFO qemu-vm1:4 argsz 12" or "HOT_RESET qemu-vm1:4 empty array"
 * @param field ret, flags, count, entries, reset, or refusal
 * @param first the value under the first profile
 * @param second the value under the second profile
 */
public record ProfileDifference(String call, String field, String first, String second) {

  public ProfileDifference {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
  }

  @Override
  public String toString() {
    return call + " " + field + ": " + first + " ≠ " + second;
  }
}
