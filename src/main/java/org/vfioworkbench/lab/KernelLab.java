package org.vfioworkbench.lab;

import java.io.IOException;
import java.util.List;
import org.vfioworkbench.lab.guest.GuestPlan;

/**
 * The kernel lab: lays a scenario out as QEMU devices, boots the lab kernel with it, replays the
 * holders' opens and the calls for real in the guest, and compares every answer with the engine's.
 */
public final class KernelLab {

  private final QemuOptions options;

  public KernelLab(QemuOptions options) {
    this.options = options;
  }

  /** Runs one case; a scenario the lab cannot build comes back as CANNOT_EXPRESS. */
  public LabOutcome run(LabCase labCase, LabListener listener)
      throws IOException, InterruptedException {
    return run(labCase, listener, new Cancellation());
  }

  /**
   * Runs one case; {@code cancellation} stops QEMU and makes this throw {@link
   * LabCancelledException} promptly (see {@link Cancellation}).
   */
  public LabOutcome run(LabCase labCase, LabListener listener, Cancellation cancellation)
      throws IOException, InterruptedException {
    GuestLayout layout = QemuMapper.map(labCase.topology());
    if (!layout.expressible()) {
      return new LabOutcome(
          labCase.name(),
          LabStatus.CANNOT_EXPRESS,
          "",
          "",
          layout.unexpressible(),
          List.of(),
          0,
          0);
    }
    listener.progress(
        labCase.name()
            + ": "
            + layout.functions().size()
            + " functions as "
            + layout.deviceArgs().size()
            + " QEMU devices, "
            + labCase.calls().size()
            + " calls");
    GuestPlan plan = GuestPlanner.plan(labCase, layout);
    GuestRun run = new QemuLab(options).run(layout, plan, listener, cancellation);
    LabOutcome outcome = LabComparison.compare(labCase, layout, run);
    listener.progress(
        String.format("%s: %s in %.1f s", labCase.name(), outcome.status(), outcome.seconds()));
    return outcome;
  }
}
