package org.vfioworkbench.lab;

import java.util.List;

/**
 * The lab's verdict on one scenario.
 *
 * @param scenario the scenario's name
 * @param status how it ended
 * @param kernel the guest kernel's version line, empty when nothing ran
 * @param grouping how IOMMU groups came about ("real kernel, synthetic grouping" when the lab quirk
 *     or no-IOMMU mode made them)
 * @param problems why it cannot be expressed or set up
 * @param calls every compared call
 * @param seconds QEMU start to power-off
 * @param runnerSeconds QEMU start to the guest runner's first line
 */
public record LabOutcome(
    String scenario,
    LabStatus status,
    String kernel,
    String grouping,
    List<String> problems,
    List<CallComparison> calls,
    double seconds,
    double runnerSeconds) {

  public LabOutcome {
    problems = List.copyOf(problems);
    calls = List.copyOf(calls);
  }

  public long disagreements() {
    return calls.stream().filter(c -> !c.agrees()).count();
  }
}
