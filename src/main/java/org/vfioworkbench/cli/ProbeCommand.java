package org.vfioworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.host.HostKernel;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.ioctl.ProbeMode;
import org.vfioworkbench.host.ioctl.ProbePlan;
import org.vfioworkbench.host.ioctl.ProbeReport;
import org.vfioworkbench.host.ioctl.Prober;
import org.vfioworkbench.host.ioctl.VfioBinding;
import org.vfioworkbench.model.Bdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code probe}: opens a free vfio device on this machine (as root) through its group or its cdev,
 * asks the kernel for INFO, and prints the kernel's answer beside the engine's prediction. Refuses
 * devices in use. Calls HOT_RESET only with {@code --reset} and the affected functions typed back
 * with {@code --confirm}.
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Open a free vfio device (needs root), call VFIO_DEVICE_GET_INFO and "
          + "GET_PCI_HOT_RESET_INFO, and compare the kernel's answers with the engine's.",
      "HOT_RESET is called only with --reset and --confirm listing exactly the functions the "
          + "kernel reports as affected. Exit status: 0 all matched, 1 a difference, "
          + "2 refused or bad usage, 3 not root."
    })
public final class ProbeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HostSourceOption source = new HostSourceOption();

  @Option(
      names = {"-d", "--device"},
      required = true,
      paramLabel = "BDF",
      description = "The function to open, e.g. 0000:01:00.0.")
  String device;

  @Option(
      names = "--via",
      paramLabel = "group|cdev",
      defaultValue = "group",
      description = "Open it through its group (with a container) or its cdev (with iommufd).")
  String via;

  @Option(names = "--reset", description = "Also call VFIO_DEVICE_PCI_HOT_RESET (needs --confirm).")
  boolean reset;

  @Option(
      names = "--confirm",
      split = ",",
      paramLabel = "BDF",
      description = "The functions the reset will affect, typed back as confirmation.")
  List<String> confirm;

  @Option(
      names = "--profile",
      paramLabel = "ID",
      converter = HostProfileConverter.class,
      description = "Kernel profile for the prediction (default: the running kernel's).")
  Profile profile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Bdf bdf;
    ProbeMode mode;
    Set<Bdf> confirmed = null;
    try {
      bdf = Bdf.parse(device);
      mode = ProbeMode.valueOf(via.toUpperCase());
      if (confirm != null) {
        confirmed = new LinkedHashSet<>();
        for (String c : confirm) {
          confirmed.add(Bdf.parse(c));
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("probe: " + e.getMessage());
      return 2;
    }
    if (reset && confirmed == null) {
      err.println(
          "probe: --reset needs --confirm with every function the reset affects "
              + "(run without --reset first to see them)");
      return 2;
    }
    if (!source.root().toAbsolutePath().normalize().equals(Path.of("/"))) {
      err.println(
          "probe: the probe talks to this machine's kernel; it cannot run on "
              + source.root()
              + " (--root must be /)");
      return 2;
    }
    VfioBinding vfio = new VfioBinding();
    if (vfio.geteuid() != 0) {
      err.println("probe: needs root (opening VFIO nodes and the ioctls need it)");
      return 3;
    }
    ScanResult scan;
    try {
      HostFs fs = source.open();
      if (profile == null) {
        HostKernel k = HostKernel.of(fs);
        profile = k.profile();
        out.println("Prediction under " + k.reason() + ".");
      }
      scan = new HostScanner(fs).scan();
    } catch (IOException e) {
      err.println("probe: cannot read this host: " + e.getMessage());
      return 2;
    }
    Optional<String> blind = unreadableHolders(scan);
    if (blind.isPresent()) {
      err.println("probe: refused:");
      err.println("  " + blind.get());
      return 2;
    }
    ProbePlan.Decision d = ProbePlan.decide(scan, bdf, mode, reset, profile);
    if (d.refused()) {
      err.println("probe: refused:");
      d.refusals().forEach(r -> err.println("  " + r));
      return 2;
    }
    ProbeReport report = new Prober(vfio).run(d.plan().get(), reset ? confirmed : null);
    print(out, report);
    return report.anyDifference() ? 1 : 0;
  }

  /**
   * Why the probe cannot tell a device is free: some processes' {@code /proc/PID/fd} could not be
   * read, so any of them may hold it. Empty when every process could be read.
   */
  static Optional<String> unreadableHolders(ScanResult scan) {
    List<Integer> pids = scan.unreadableProcesses();
    if (pids.isEmpty()) {
      return Optional.empty();
    }
    List<String> shown = pids.stream().limit(20).map(String::valueOf).toList();
    return Optional.of(
        "the open files of "
            + pids.size()
            + " process(es) could not be read (pid "
            + String.join(", ", shown)
            + (pids.size() > shown.size() ? ", ..." : "")
            + "); any of them may hold the device, so it cannot be called free");
  }

  static void print(PrintWriter out, ProbeReport report) {
    out.println("Calls:");
    report.steps().forEach(s -> out.println("  " + s));
    out.println();
    out.printf("  %-18s %-40s %-40s%n", "", "kernel", "engine (" + "prediction)");
    for (ProbeReport.Row r : report.rows()) {
      out.printf(
          "%s %-18s %-40s %-40s%n", r.differs() ? "!" : " ", r.what(), r.kernel(), r.engine());
    }
    out.println(
        report.anyDifference()
            ? "! marks a difference between the kernel and the engine."
            : "The kernel and the engine agree.");
    out.flush();
  }
}
