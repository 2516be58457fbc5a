package org.vfioworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.engine.HotResetSimulator;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Diagnostics;
import org.vfioworkbench.host.HostKernel;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.ScanJson;
import org.vfioworkbench.host.ScanPhase;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.host.fs.HostFs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scan}: reads a host (this machine, a root directory or a capture), prints its topology,
 * groups and holders, the engine's verdict for every open device fd, what could not be read, and
 * the engine's diagnostics of the state found. Read-only.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Read a host's PCI topology, IOMMU groups, VFIO nodes and holders (read-only), "
          + "and show the engine's INFO and HOT_RESET verdict for every open device fd.",
      "Exit status: 0 when the scan ran (even if some things could not be read), "
          + "2 when the root or capture cannot be opened."
    })
public final class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HostSourceOption source = new HostSourceOption();

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--profile",
      paramLabel = "ID",
      description =
          "Kernel profile for the verdicts: ${COMPLETION-CANDIDATES}, or a kernel"
              + " release. Default: the profile of the host's (or capture's) own kernel.",
      converter = HostProfileConverter.class)
  Profile profile;

  @Option(
      names = "--kernel",
      paramLabel = "RELEASE",
      converter = KernelConverter.class,
      description = "Evaluate as kernel RELEASE would (6.6.38): picks that release's profile.")
  Profile kernel;

  @Option(
      names = "--no-verdicts",
      description = "Do not compute the engine's verdicts and diagnostics.")
  boolean noVerdicts;

  @Option(names = "--progress", description = "Report progress on standard error.")
  boolean progress;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ScanResult scan;
    HostKernel hostKernel;
    try {
      HostFs fs = source.open();
      hostKernel = HostKernel.of(fs);
      HostScanner scanner = new HostScanner(fs);
      scan = scanner.scan(progress ? new ProgressPrinter(err) : (p, d, t) -> {});
    } catch (IOException e) {
      err.println("scan: cannot read " + org.vfioworkbench.host.HostSources.why(source.root(), e));
      return 2;
    }
    if (profile != null && kernel != null && profile != kernel) {
      err.println("scan: give --profile or --kernel, not both");
      return 2;
    }
    Profile chosen = profile != null ? profile : kernel != null ? kernel : hostKernel.profile();
    String why =
        profile != null || kernel != null
            ? "profile " + chosen.id() + " as asked"
            : hostKernel.reason();
    Findings found = noVerdicts ? Findings.NONE : Findings.of(scan, chosen);
    List<DeviceVerdict> verdicts = found.verdicts();
    List<Diagnostic> diagnostics = found.diagnostics();
    // One buffer between the scan and the terminal: the command's writer flushes every line.
    PrintWriter out =
        new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
    if (json) {
      try {
        JsonGenerator g = JsonResults.MAPPER.getFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        ScanJson.writeFields(scan, verdicts, g);
        if (diagnostics != null) {
          g.writeFieldName("diagnostics");
          JsonResults.writeDiagnostics(diagnostics, g);
        }
        g.writeEndObject();
        g.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.println();
    } else {
      if (!noVerdicts) {
        out.println("Verdicts under " + why + ".");
      }
      new ScanText(scan, out).print(verdicts, chosen.id());
      if (diagnostics != null) {
        out.println();
        TextResults.diagnostics(out, diagnostics, "");
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The engine's verdicts and diagnostics of a scan, without the engine: its state for 10,000
   * functions is several MiB that the output, written after, does not need.
   */
  private record Findings(List<DeviceVerdict> verdicts, List<Diagnostic> diagnostics) {

    static final Findings NONE = new Findings(null, null);

    static Findings of(ScanResult scan, Profile profile) {
      HotResetSimulator engine = Analysis.of(scan.topology(), profile);
      return new Findings(DeviceVerdict.all(engine), Diagnostics.of(engine));
    }
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
