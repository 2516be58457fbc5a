package org.vfioworkbench.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vfioworkbench.lab.guest.GuestPlan;
import org.vfioworkbench.lab.guest.GuestReport;
import org.vfioworkbench.lab.guest.GuestRunner;

/**
 * Boots the lab guest in QEMU for one plan: writes the plan, the initramfs and the guest script to
 * a work directory, starts {@code qemu-system-x86_64} at low priority, forwards the guest's
 * progress and reads its report from the second serial port.
 */
public final class QemuLab {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final QemuOptions options;

  public QemuLab(QemuOptions options) {
    this.options = options;
  }

  /** The QEMU command line for {@code layout}, with the lab's work files in {@code work}. */
  public List<String> command(GuestLayout layout, Path work) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "nice",
                "-n",
                "10",
                options.qemu(),
                "-machine",
                "q35,kernel-irqchip=split,accel=" + options.accel(),
                "-cpu",
                options.accel().equals("kvm") ? "host" : "max",
                "-smp",
                "1",
                "-m",
                Integer.toString(options.memoryMiB()),
                "-nodefaults",
                "-no-user-config",
                "-display",
                "none",
                "-no-reboot",
                "-global",
                "ICH9-LPC.acpi-pci-hotplug-with-bridge-support=off"));
    if (!layout.noIommu()) {
      cmd.addAll(List.of("-device", "intel-iommu,intremap=on,caching-mode=on"));
    }
    String append =
        "console=ttyS0 panic=-1 no_timer_check vfio_workbench_lab=1 lab.script="
            + work.resolve("guest.sh")
            + (layout.noIommu()
                ? " intel_iommu=off vfio.enable_unsafe_noiommu_mode=1"
                : " intel_iommu=on");
    cmd.addAll(
        List.of(
            "-kernel",
            options.kernel().toString(),
            "-initrd",
            work.resolve("initramfs.cpio").toString(),
            "-append",
            append,
            "-serial",
            "file:" + work.resolve("console.log"),
            "-chardev",
            "file,id=labout,path=" + work.resolve("report.log"),
            "-device",
            "isa-serial,chardev=labout",
            "-fsdev",
            "local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap",
            "-device",
            String.format(
                "virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot,bus=pcie.0," + "addr=0x%x.0",
                layout.freeRootSlot())));
    for (String d : layout.deviceArgs()) {
      cmd.add("-device");
      cmd.add(d);
    }
    return cmd;
  }

  /**
   * Runs {@code plan} on {@code layout}; throws when the guest gives no report. A guest that dies
   * before the runner starts (a boot-time panic under an overloaded TCG) is booted once more.
   */
  public GuestRun run(GuestLayout layout, GuestPlan plan, LabListener listener)
      throws IOException, InterruptedException {
    return run(layout, plan, listener, new Cancellation());
  }

  /**
   * As {@link #run(GuestLayout, GuestPlan, LabListener)}; {@code cancellation} stops QEMU, and this
   * then throws {@link LabCancelledException} within a quarter of a second.
   */
  public GuestRun run(
      GuestLayout layout, GuestPlan plan, LabListener listener, Cancellation cancellation)
      throws IOException, InterruptedException {
    try {
      return runOnce(layout, plan, listener, cancellation);
    } catch (GuestDiedEarly e) {
      cancellation.check(RUNNING);
      listener.progress("the guest died before the runner started; booting it once more");
      return runOnce(layout, plan, listener, cancellation);
    }
  }

  private static final String RUNNING = "running the lab guest in QEMU";

  /** The guest powered off without a single line from the runner. */
  private static final class GuestDiedEarly extends IOException {
    private static final long serialVersionUID = 1L;

    GuestDiedEarly(String message) {
      super(message);
    }
  }

  private GuestRun runOnce(
      GuestLayout layout, GuestPlan plan, LabListener listener, Cancellation cancellation)
      throws IOException, InterruptedException {
    cancellation.check(RUNNING);
    Path work =
        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "vfio-lab-");
    try {
      JSON.writeValue(work.resolve("plan.json").toFile(), plan);
      Initramfs.write(work.resolve("initramfs.cpio"), options.busybox());
      Files.writeString(work.resolve("guest.sh"), guestScript(work));
      Files.createFile(work.resolve("report.log"));
      List<String> cmd = command(layout, work);
      long start = System.nanoTime();
      Process qemu =
          LabProcesses.start(
              new ProcessBuilder(cmd)
                  .redirectErrorStream(true)
                  .redirectOutput(work.resolve("qemu.log").toFile()),
              cancellation,
              RUNNING);
      try {
        return watch(qemu, work, start, listener, cancellation);
      } finally {
        if (qemu.isAlive()) {
          LabProcesses.stopAndWait(qemu, cancellation.grace());
        }
      }
    } finally {
      if (!Boolean.getBoolean("vfio.lab.keepWork")) {
        deleteTree(work);
      }
    }
  }

  private GuestRun watch(
      Process qemu, Path work, long start, LabListener listener, Cancellation cancellation)
      throws IOException, InterruptedException {
    listener.progress("booting Linux in QEMU (" + options.accel() + ")");
    Duration runnerStart = null;
    int seen = 0;
    long deadline = start + options.timeout().toNanos();
    while (true) {
      boolean done = qemu.waitFor(250, TimeUnit.MILLISECONDS);
      cancellation.check(RUNNING);
      List<String> lines = Files.readAllLines(work.resolve("report.log"), StandardCharsets.UTF_8);
      for (int i = seen; i < lines.size(); i++) {
        String l = lines.get(i).replace("\r", "");
        if (l.startsWith(GuestRunner.PROGRESS)) {
          if (runnerStart == null) {
            runnerStart = Duration.ofNanos(System.nanoTime() - start);
            listener.progress(
                String.format("guest runner up after %.1f s", runnerStart.toMillis() / 1000.0));
          }
          listener.progress("guest: " + l.substring(GuestRunner.PROGRESS.length()));
        }
      }
      seen = lines.size();
      if (done) {
        break;
      }
      if (System.nanoTime() > deadline) {
        qemu.destroyForcibly().waitFor();
        throw new IOException(
            "the guest did not finish within "
                + options.timeout()
                + "; console: "
                + tail(work.resolve("console.log")));
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    String console = tail(work.resolve("console.log"));
    for (String l : Files.readAllLines(work.resolve("report.log"), StandardCharsets.UTF_8)) {
      String line = l.replace("\r", "");
      if (line.startsWith(GuestRunner.BEGIN)) {
        GuestReport report =
            JSON.readValue(line.substring(GuestRunner.BEGIN.length()), GuestReport.class);
        return new GuestRun(report, elapsed, runnerStart == null ? elapsed : runnerStart, console);
      }
    }
    String message =
        "the guest sent no report (QEMU exit "
            + qemu.exitValue()
            + "): "
            + tail(work.resolve("qemu.log"))
            + "\n"
            + console;
    throw runnerStart == null ? new GuestDiedEarly(message) : new IOException(message);
  }

  private String guestScript(Path work) {
    return "#!/bin/sh\n"
        + "exec "
        + options.javaHome().resolve("bin/java")
        + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xmx256m"
        + " -Djava.io.tmpdir=/run -Djna.tmpdir=/run -Duser.home=/run"
        + " -cp '"
        + options.classPath()
        + "' "
        + GuestRunner.class.getName()
        + " "
        + work.resolve("plan.json")
        + " /dev/ttyS1\n";
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()))
          .replace("\r", "");
    } catch (IOException e) {
      return "(no " + file.getFileName() + ")";
    }
  }

  private static void deleteTree(Path dir) {
    try {
      org.vfioworkbench.io.DirectoryTrees.removeWhatCan(dir);
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
