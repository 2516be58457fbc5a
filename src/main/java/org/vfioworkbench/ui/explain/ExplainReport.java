package org.vfioworkbench.ui.explain;

import java.util.List;
import java.util.Objects;

/**
 * What the view shows for one device fd.
 *
 * @param caller the device fd and who holds it, or why there is nothing to explain
 * @param verdict the natural reset and the kernel's answer; empty when there is no caller
 * @param decidedBy the kernel check that decided it; empty when it succeeded
 * @param qemu the lines QEMU would print for this device
 * @param blockers the functions in the way
 * @param remedies the verified remedies, cheapest first
 * @param footer why nothing helps, or that nothing needs fixing; empty when remedies are offered
 */
public record ExplainReport(
    String caller,
    String verdict,
    String decidedBy,
    List<String> qemu,
    List<BlockerRow> blockers,
    List<RemedyRow> remedies,
    String footer) {

  public ExplainReport {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(decidedBy, "decidedBy");
    qemu = List.copyOf(qemu);
    blockers = List.copyOf(blockers);
    remedies = List.copyOf(remedies);
    Objects.requireNonNull(footer, "footer");
  }

  /** Nothing to explain, and why. */
  public static ExplainReport none(String why) {
    return new ExplainReport(why, "", "", List.of(), List.of(), List.of(), "");
  }
}
