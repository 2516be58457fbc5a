package org.vfioworkbench.engine;

import java.util.Objects;

/**
 * One kernel check, as the engine evaluated it.
 *
 * @param function the kernel function the check mirrors ({@code vfio_pci_dev_set_hot_reset})
 * @param fact what it looked at and found, in words
 * @param verdict how it came out
 */
public record TraceStep(String function, String fact, Verdict verdict) {

  public TraceStep {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(verdict, "verdict");
  }

  @Override
  public String toString() {
    return function + ": " + fact;
  }
}
