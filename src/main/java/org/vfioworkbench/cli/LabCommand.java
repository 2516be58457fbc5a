package org.vfioworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
 * {@code lab FILE...}: verifies scenarios on a real Linux kernel in QEMU and compares every
 * answer with the engine's. Exit 0 when every scenario the lab can build agrees, 1 on any
 * disagreement or setup failure, 2 on bad input or when the lab cannot run.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
    description = {"Verify scenarios on a real Linux kernel: boot it in QEMU with the scenario's"
        + " PCI topology, make the scenario's opens and ioctls for real, compare every answer"
        + " with the engine's. The first run builds and caches the lab kernel (about 7-11"
        + " minutes on 2 cores)."})
public final class LabCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "scenario files")
  List<Path> files = new ArrayList<>();

  @Option(names = "--kernel", paramLabel = "BZIMAGE",
      description = "use this bzImage (needs IOMMUFD, VFIO_DEVICE_CDEV, VFIO_PCI built in)"
          + " instead of building and caching the lab kernel")
  Path kernel;

  @Option(names = "--accel", defaultValue = "tcg",
      description = "QEMU accelerator: tcg (default) or kvm")
  String accel;

  @Option(names = "--json", paramLabel = "OUT", description = "write the JSON report here")
  Path json;

  @Option(names = "--record", description = "store the kernel's answers of every scenario that"
      + " ran in kernel-answers/ beside its file, with the verdict")
  boolean record;

  @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS",
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
      bz = kernel != null ? kernel : KernelProvider.locate().kernel(m -> err.println(m));
    } catch (IOException e) {
      err.println("vfio-workbench lab: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERNAL;
    }
    err.println("lab: kernel " + KernelProvider.version(bz));
    KernelLab lab = new KernelLab(QemuOptions.defaults(bz).withAccel(accel)
        .withTimeout(Duration.ofSeconds(timeoutSeconds)));
    List<LabOutcome> outcomes = new ArrayList<>();
    boolean bad = false;
    for (int i = 0; i < cases.size(); i++) {
      LabCase c = cases.get(i);
      LabOutcome o;
      try {
        o = lab.run(c, m -> err.println("lab: " + m));
      } catch (IOException e) {
        err.println("lab: " + c.name() + ": " + e.getMessage());
        o = new LabOutcome(c.name(), LabStatus.SETUP_FAILED, "", "", List.of(e.getMessage()),
            List.of(), 0, 0);
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
    out.printf("%d verified, %d disagree or failed, %d cannot be expressed%n", verified,
        outcomes.size() - verified - cannot, cannot);
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
}
