package org.vfioworkbench.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Keeps control characters from outside data (a process's {@code comm}, sysfs values, file and
 * scenario names) from reaching the terminal, where an escape sequence could recolour, retitle or
 * rewrite what the user sees. Every command's output goes through {@link #filter}; fields that must
 * stay on one line (a process name) go through {@link #escape(String)} as well.
 *
 * <p>A control character is written as {@code \}{@code uXXXX}, which inside a JSON string means the
 * same character, so JSON output stays valid and exact.
 */
public final class SafeText {

  private SafeText() {}

  /** {@code s} with every control character, line breaks included, written as an escape. */
  public static String escape(String s) {
    return escape(s, false);
  }

  /**
   * {@code s} with control characters escaped: C0 controls, DEL, C1 controls, and the Unicode line
   * separators and bidirectional overrides; newlines and tabs are kept when {@code keepLayout} is
   * true.
   */
  public static String escape(String s, boolean keepLayout) {
    if (s == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean layout = c == '\n' || c == '\t';
      if (isControl(c) && !(keepLayout && layout)) {
        if (b == null) {
          b = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        b.append(String.format("\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  static boolean isControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** A writer that escapes control characters, keeping line breaks and tabs, into {@code out}. */
  public static PrintWriter filter(PrintWriter out) {
    Writer w =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            out.write(escape(new String(buf, off, len), true));
          }

          @Override
          public void flush() {
            out.flush();
          }

          @Override
          public void close() {
            out.flush();
          }
        };
    return new PrintWriter(w, true);
  }
}
