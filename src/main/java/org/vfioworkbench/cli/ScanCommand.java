package org.vfioworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.host.DeviceVerdict;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.ScanJson;
import org.vfioworkbench.host.ScanPhase;
import org.vfioworkbench.host.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scan}: reads a host (this machine, a root directory or a capture), prints its topology,
 * groups and holders, the engine's verdict for every open device fd, and what could not be read.
 * Read-only.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
        "Read a host's PCI topology, IOMMU groups, VFIO nodes and holders (read-only), "
            + "and show the engine's INFO and HOT_RESET verdict for every open device fd.",
        "Exit status: 0 when the scan ran (even if some things could not be read), "
            + "2 when the root or capture cannot be opened."})
public final class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HostSourceOption source = new HostSourceOption();

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--profile", paramLabel = "ID", defaultValue = "linux-6.10",
      description = "Kernel profile for the verdicts: ${COMPLETION-CANDIDATES}.",
      converter = HostProfileConverter.class)
  Profile profile = Profile.DEFAULT;

  @Option(names = "--no-verdicts", description = "Do not compute the engine's verdicts.")
  boolean noVerdicts;

  @Option(names = "--progress", description = "Report progress on standard error.")
  boolean progress;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScanResult scan;
    try {
      HostScanner scanner = new HostScanner(source.open());
      scan = scanner.scan(progress ? new ProgressPrinter(err) : (p, d, t) -> {});
    } catch (IOException e) {
      err.println("scan: cannot read " + org.vfioworkbench.host.HostSources.why(source.root(), e));
      return 2;
    }
    List<DeviceVerdict> verdicts =
        noVerdicts ? null : DeviceVerdict.all(Analysis.of(scan.topology(), profile));
    if (json) {
      out.print(ScanJson.write(scan, verdicts));
      out.flush();
    } else {
      new ScanText(scan, out).print(verdicts, profile.id());
    }
    return 0;
  }

  /** Prints a phase line on stderr each time the overall percentage moves by 10. */
  static final class ProgressPrinter implements org.vfioworkbench.host.ScanListener {
    private final PrintWriter err;
    private int lastDecile = -1;

    ProgressPrinter(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void progress(ScanPhase phase, int done, int total) {
      int decile = (int) (phase.overall(done, total) * 10);
      if (decile != lastDecile) {
        lastDecile = decile;
        err.printf("scan: %3d%% %s%n", decile * 10, phase.label());
        err.flush();
      }
    }
  }
}
