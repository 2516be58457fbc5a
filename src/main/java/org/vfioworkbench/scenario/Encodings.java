package org.vfioworkbench.scenario;

/**
 * Scenario files are UTF-8 (RFC 8259). The JSON parser would also guess UTF-16 and UTF-32 from the
 * first bytes; such files are refused with the reason instead.
 */
final class Encodings {

  private Encodings() {}

  static void requireUtf8(byte[] b) {
    String found = other(b);
    if (found != null) {
      throw new Problem("$", "the file is " + found + "; scenario files must be UTF-8");
    }
  }

  /** The non-UTF-8 encoding the first bytes show, or null. */
  private static String other(byte[] b) {
    int n = b.length;
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
      return "UTF-32 (big-endian byte order mark)";
    }
    if (n >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0) {
      return "UTF-32 (little-endian byte order mark)";
    }
    if (n >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return "UTF-16 (big-endian byte order mark)";
    }
    if (n >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return "UTF-16 (little-endian byte order mark)";
    }
    if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
      return "UTF-32 (big-endian)";
    }
    if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      return "UTF-32 (little-endian)";
    }
    if (n >= 2 && b[0] == 0 && b[1] != 0) {
      return "UTF-16 (big-endian)";
    }
    if (n >= 2 && b[0] != 0 && b[1] == 0) {
      return "UTF-16 (little-endian)";
    }
    return null;
  }
}
