package org.vfioworkbench.host.ioctl;

import java.util.List;
import java.util.Objects;

/**
 * What a probe did and how the kernel's answers compare with the engine's prediction.
 *
 * @param steps every call made, with its result, in order
 * @param rows kernel answer beside engine prediction, one row per compared fact
 */
public record ProbeReport(List<String> steps, List<Row> rows) {

  /**
   * One compared fact.
   *
   * @param what "INFO return", "INFO flags", "INFO entries", "HOT_RESET return"
   * @param kernel what the kernel answered
   * @param engine what the engine predicted
   */
  public record Row(String what, String kernel, String engine) {
    public Row {
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(kernel, "kernel");
      Objects.requireNonNull(engine, "engine");
    }

    public boolean differs() {
      return !kernel.equals(engine);
    }
  }

  public ProbeReport {
    steps = List.copyOf(steps);
    rows = List.copyOf(rows);
  }

  public boolean anyDifference() {
    return rows.stream().anyMatch(Row::differs);
  }
}
