package org.vfioworkbench.lab;

import java.util.Locale;

/** Renders a {@link LabOutcome} as a plain-text table. */
public final class LabTable {

  private LabTable() {}

  public static String render(LabOutcome o) {
    StringBuilder b = new StringBuilder();
    b.append(o.scenario()).append(": ").append(o.status());
    if (!o.kernel().isEmpty()) {
      b.append(
          String.format(
              Locale.ROOT,
              " on %s (%.1f s, guest runner up after %.1f s)",
              shortKernel(o.kernel()),
              o.seconds(),
              o.runnerSeconds()));
      b.append("\n  ").append(o.grouping());
    }
    b.append('\n');
    for (String p : o.problems()) {
      b.append("  - ").append(p).append('\n');
    }
    if (!o.calls().isEmpty()) {
      int w = o.calls().stream().mapToInt(c -> c.call().length()).max().orElse(10);
      w = Math.min(Math.max(w, 4), 60);
      b.append(String.format("  %-" + w + "s  %-5s  %s%n", "call", "same?", "kernel / engine"));
      for (CallComparison c : o.calls()) {
        String call = c.call().length() > w ? c.call().substring(0, w - 1) + "…" : c.call();
        b.append(
            String.format(
                "  %-" + w + "s  %-5s  %s%n", call, c.agrees() ? "yes" : "NO", c.kernel().brief()));
        if (!c.agrees()) {
          b.append(String.format("  %-" + w + "s         engine: %s%n", "", c.engine().brief()));
          for (String d : c.differences()) {
            b.append(String.format("  %-" + w + "s         %s%n", "", d));
          }
        }
      }
    }
    return b.toString();
  }

  /** "Linux 6.12.118" from a /proc/version line. */
  public static String shortKernel(String procVersion) {
    String[] parts = procVersion.split(" ");
    return parts.length >= 3 && parts[0].equals("Linux") ? "Linux " + parts[2] : procVersion;
  }
}
