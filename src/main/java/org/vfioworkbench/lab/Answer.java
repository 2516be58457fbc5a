package org.vfioworkbench.lab;

import java.util.List;

/**
 * One side's answer to a call, in scenario terms, ready to compare field by field.
 *
 * @param ret 0 or -errno
 * @param errno the errno name ("EINVAL"), or empty on success
 * @param flags INFO's flags word, or -1 when no header was written (or not INFO)
 * @param count INFO's count, or -1 when no header was written (or not INFO)
 * @param entries INFO's entries as {@code bdf=label}, sorted by address ({@code label} is {@code
 *     group N}, {@code devid of BDF}, {@code OWNED} or {@code NOT_OWNED})
 */
public record Answer(int ret, String errno, int flags, int count, List<String> entries) {

  public Answer {
    entries = List.copyOf(entries);
  }

  /** A compact form for tables: {@code 0 flags=0x1 count=2 [..]} or {@code -EINVAL}. */
  public String brief() {
    if (ret != 0 && flags < 0) {
      return "-" + errno;
    }
    StringBuilder b = new StringBuilder(ret == 0 ? "0" : "-" + errno);
    if (flags >= 0) {
      b.append(" flags=0x").append(Integer.toHexString(flags)).append(" count=").append(count);
    }
    if (!entries.isEmpty()) {
      b.append(" ").append(entries);
    }
    return b.toString();
  }
}
