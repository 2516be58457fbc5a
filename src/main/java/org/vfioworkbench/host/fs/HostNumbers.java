package org.vfioworkbench.host.fs;

import java.util.OptionalInt;

/**
 * Strict parsing of the decimal numbers the kernel writes into names (pids, fd numbers, IOMMU group
 * ids, {@code virtfnN} indexes): digits only, no sign, no leading zero, and a value that fits an
 * {@code int}. Anything else is not a number the kernel wrote, so a reader reports it instead of
 * building a model value from it.
 */
public final class HostNumbers {

  private static final int MAX_DIGITS = 10;

  private HostNumbers() {}

  /** The value of {@code text} when it is a canonical non-negative decimal int, else empty. */
  public static OptionalInt parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_DIGITS) {
      return OptionalInt.empty();
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      return OptionalInt.empty();
    }
    long v = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalInt.empty();
      }
      v = v * 10 + (c - '0');
    }
    return v > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) v);
  }

  /** True when {@code text} is made of ASCII digits only (a name meant as a number). */
  public static boolean looksNumeric(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
