package org.vfioworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vfioworkbench.lab.Cancellation;
import org.vfioworkbench.lab.HostPackages;
import org.vfioworkbench.lab.KernelAnswers;
import org.vfioworkbench.lab.KernelLab;
import org.vfioworkbench.lab.KernelProvider;
import org.vfioworkbench.lab.LabCase;
import org.vfioworkbench.lab.LabOutcome;
import org.vfioworkbench.lab.LabReportWriter;
import org.vfioworkbench.lab.LabStatus;
import org.vfioworkbench.lab.LabTable;
import org.vfioworkbench.lab.QemuOptions;
import org.vfioworkbench.lab.ScenarioLabCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lab FILE...}: verifies scenarios on a real Linux kernel in QEMU and compares every answer
 * with the engine's. Exit 0 when every scenario the lab can build agrees, 1 on any disagreement or
 * setup failure, 2 on bad input or when the lab cannot run (among others when host packages are
 * missing and {@code --install-deps} was not given: the message names them).
 */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description = {
      "Verify scenarios on a real Linux kernel: boot it in QEMU with the scenario's"
          + " PCI topology, make the scenario's opens and ioctls for real, compare every answer"
          + " with the engine's. The first run builds and caches the lab kernel (about 7-11"
          + " minutes on 2 cores) with the build script shipped inside the application."
    })
public final class LabCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "scenario files")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--install-deps",
      description =
          "install missing host packages (QEMU,"
              + " busybox-static, the kernel's build dependencies) with apt-get; needs root. Without"
              + " it, missing packages end the run with exit 2 and their names")
  boolean installDeps;

  @Option(
      names = "--prepare",
      description =
          "only check (with --install-deps: install) the"
              + " host packages and build or find the lab kernel, print its path and exit; no FILE")
  boolean prepare;

  /** Which host packages are missing; replaced in tests. */
  HostPackages.Probe packages = HostPackages.dpkg();

  /** Installs host packages for {@code --install-deps}; replaced in tests. */
  HostPackages.Installer installer = HostPackages.aptGet();

  /** Stops the kernel build and QEMU of this run. */
  final Cancellation cancellation = new Cancellation();

  @Option(
      names = "--kernel",
      paramLabel = "BZIMAGE",
      description =
          "use this bzImage (needs IOMMUFD, VFIO_DEVICE_CDEV, VFIO_PCI built in)"
              + " instead of building and caching the lab kernel")
  Path kernel;

  @Option(
      names = "--accel",
      defaultValue = "tcg",
      description = "QEMU accelerator: tcg (default) or kvm")
  String accel;

  @Option(names = "--json", paramLabel = "OUT", description = "write the JSON report here")
  Path json;

  @Option(
      names = "--record",
      description =
          "store the kernel's answers of every scenario that"
              + " ran in kernel-answers/ beside its file, with the verdict")
  boolean record;

  @Option(
      names = "--timeout",
      defaultValue = "600",
      paramLabel = "SECONDS",
      description = "how long one guest may run (default ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!accel.equals("tcg") && !accel.equals("kvm")) {
      err.println("vfio-workbench lab: --accel must be tcg or kvm, not " + accel);
      return ExitCodes.BAD_INPUT;
    }
    if (files.isEmpty() != prepare) {
      err.println(
          "vfio-workbench lab: "
              + (prepare
                  ? "--prepare takes no FILE"
                  : "give one or more scenario FILEs (or --prepare)"));
      return ExitCodes.BAD_INPUT;
    }
    List<LabCase> cases = new ArrayList<>();
    for (Path f : files) {
      try {
        cases.add(ScenarioLabCases.load(f));
      } catch (IOException e) {
        err.println("vfio-workbench lab: " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
    Path bz;
    if (kernel != null && !java.nio.file.Files.isRegularFile(kernel)) {
      err.println("vfio-workbench lab: --kernel " + kernel + ": no such file");
      return ExitCodes.BAD_INPUT;
    }
    try {
      if (!hostPackagesReady(err)) {
        return ExitCodes.BAD_INPUT;
      }
      bz =
          kernel != null
              ? kernel
              : KernelProvider.locate().kernel(m -> err.println(m), cancellation);
    } catch (IOException e) {
      err.println("vfio-workbench lab: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERNAL;
    }
    if (prepare) {
      out.println(bz);
      return ExitCodes.OK;
    }
    err.println("lab: kernel " + KernelProvider.version(bz));
    KernelLab lab =
        new KernelLab(
            QemuOptions.defaults(bz)
                .withAccel(accel)
                .withTimeout(Duration.ofSeconds(timeoutSeconds)));
    List<LabOutcome> outcomes = new ArrayList<>();
    boolean bad = false;
    for (int i = 0; i < cases.size(); i++) {
      LabCase c = cases.get(i);
      LabOutcome o;
      try {
        o = lab.run(c, m -> err.println("lab: " + m), cancellation);
      } catch (IOException e) {
        err.println("lab: " + c.name() + ": " + e.getMessage());
        o =
            new LabOutcome(
                c.name(), LabStatus.SETUP_FAILED, "", "", List.of(e.getMessage()), List.of(), 0, 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ExitCodes.INTERNAL;
      }
      outcomes.add(o);
      out.print(LabTable.render(o));
      out.flush();
      bad |= o.status() == LabStatus.DISAGREES || o.status() == LabStatus.SETUP_FAILED;
      if (record && (o.status() == LabStatus.VERIFIED || o.status() == LabStatus.DISAGREES)) {
        try {
          KernelAnswers.of(o).write(KernelAnswers.besides(files.get(i)));
        } catch (IOException e) {
          err.println("vfio-workbench lab: cannot store the kernel's answers: " + e.getMessage());
          bad = true;
        }
      }
    }
    long verified = outcomes.stream().filter(o -> o.status() == LabStatus.VERIFIED).count();
    long cannot = outcomes.stream().filter(o -> o.status() == LabStatus.CANNOT_EXPRESS).count();
    out.printf(
        "%d verified, %d disagree or failed, %d cannot be expressed%n",
        verified, outcomes.size() - verified - cannot, cannot);
    if (json != null) {
      try {
        LabReportWriter.write(json, outcomes);
      } catch (IOException e) {
        err.println("vfio-workbench lab: cannot write " + json + ": " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
    return bad ? ExitCodes.DIFFERS : ExitCodes.OK;
  }

  /**
   * Checks the host packages this run needs; installs the missing ones only with {@code
   * --install-deps}, otherwise names them and the commands that install them.
   */
  private boolean hostPackagesReady(PrintWriter err) throws InterruptedException {
    boolean buildsKernel =
        kernel == null && System.getProperty(KernelProvider.SCRIPT_PROPERTY) == null;
    List<String> needed = HostPackages.needed(buildsKernel);
    List<String> missing;
    try {
      missing = packages.missing(needed);
    } catch (IOException e) {
      err.println(
          "lab: "
              + e.getMessage()
              + "; continuing (the lab needs "
              + String.join(" ", needed)
              + ")");
      return true;
    }
    if (missing.isEmpty()) {
      return true;
    }
    if (!installDeps) {
      err.println("vfio-workbench lab: missing host packages: " + String.join(" ", missing));
      err.println("  install them with: " + HostPackages.installCommand(missing));
      err.println("  or let the lab install them: sudo vfio-workbench lab --install-deps ...");
      return false;
    }
    err.println("lab: installing " + String.join(" ", missing));
    try {
      installer.install(missing, m -> err.println("lab: " + m), cancellation);
      List<String> still = packages.missing(needed);
      if (!still.isEmpty()) {
        err.println(
            "vfio-workbench lab: still missing after installing: " + String.join(" ", still));
        return false;
      }
    } catch (IOException e) {
      err.println(
          "vfio-workbench lab: cannot install "
              + String.join(" ", missing)
              + ": "
              + e.getMessage());
      return false;
    }
    return true;
  }
}
