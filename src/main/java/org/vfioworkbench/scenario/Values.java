package org.vfioworkbench.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;

/** Parsing of the scalar values in a scenario, each failure a {@link Problem} at its path. */
final class Values {

  /** The largest fd a process can have ({@code NR_OPEN}, 1 << 20). */
  static final int MAX_FD = (1 << 20) - 1;

  /** {@code PID_MAX_LIMIT} on 64-bit kernels. */
  static final int MAX_PID = 4 * 1024 * 1024;

  /** The largest u32. */
  static final long MAX_U32 = 0xFFFF_FFFFL;

  private Values() {}

  static <T> T required(T value, String path, String field) {
    if (value == null) {
      throw new Problem(path, "missing field \"" + field + "\"");
    }
    return value;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : value;
  }

  static <T> T element(T value, String path, String what) {
    if (value == null) {
      throw new Problem(path, "null is not " + what);
    }
    return value;
  }

  static Bdf bdf(String text, String path) {
    requirePlain(text, path, "PCI address", "0000:02:00.1");
    try {
      return Bdf.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Problem(path, e.getMessage());
    }
  }

  /** Addresses are taken as written: no spaces, no NUL or other control characters. */
  private static void requirePlain(String text, String path, String what, String example) {
    if (text != null
        && text.chars()
            .anyMatch(c -> c <= ' ' || Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new Problem(
          path,
          "not a "
              + what
              + ": '"
              + text
              + "' contains spaces or control"
              + " characters (expected the form "
              + example
              + ")");
    }
  }

  static BusAddress bus(String text, String path) {
    requirePlain(text, path, "PCI bus address", "0000:02");
    if (text == null || !text.trim().matches("([0-9a-fA-F]{1,4}:)?[0-9a-fA-F]{1,2}")) {
      throw new Problem(path, "not a PCI bus address: '" + text + "' (expected the form 0000:02)");
    }
    try {
      return BusAddress.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Problem(path, e.getMessage());
    }
  }

  static int range(Integer value, int min, int max, String path, String what) {
    if (value < min || value > max) {
      throw new Problem(path, what + " " + value + " is out of range (" + min + ".." + max + ")");
    }
    return value;
  }

  static long range(Long value, long min, long max, String path, String what) {
    if (value < min || value > max) {
      throw new Problem(path, what + " " + value + " is out of range (" + min + ".." + max + ")");
    }
    return value;
  }

  /** A hex number of at most {@code digits} digits, with or without {@code 0x}. */
  static int hex(String text, int digits, String path, String what) {
    if (text == null) {
      return 0;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("0x")) {
      t = t.substring(2);
    }
    if (!t.matches("[0-9a-f]{1," + digits + "}")) {
      throw new Problem(
          path,
          what
              + " must be at most "
              + digits
              + " hex digits, like \""
              + "10de1eb8030000".substring(0, digits)
              + "\"; got \""
              + text
              + "\"");
    }
    return Integer.parseInt(t, 16);
  }

  /** A name that must not be blank. */
  static String name(String text, String path, String what) {
    if (text == null) {
      throw new Problem(path, "missing " + what);
    }
    if (text.isBlank()) {
      throw new Problem(path, what + " must not be empty");
    }
    return text;
  }

  /** An enum constant by its lower-case spelling or its name, with a suggestion on a typo. */
  static <E extends Enum<E>> E choice(String text, Class<E> type, String path, String what) {
    List<String> names =
        Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    for (E c : type.getEnumConstants()) {
      if (c.name().equalsIgnoreCase(text.trim())) {
        return c;
      }
    }
    throw new Problem(path, "\"" + text + "\" is not a known " + what + Names.hint(text, names));
  }

  /** An enum constant by its exact upper-case name (flags, quirks, errno). */
  static <E extends Enum<E>> E constant(String text, Class<E> type, String path, String what) {
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    for (E c : type.getEnumConstants()) {
      if (c.name().equals(text)) {
        return c;
      }
    }
    throw new Problem(path, "\"" + text + "\" is not a known " + what + Names.hint(text, names));
  }
}
