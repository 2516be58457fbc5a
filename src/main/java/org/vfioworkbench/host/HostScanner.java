package org.vfioworkbench.host;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.Refusal;
import org.vfioworkbench.host.capture.Capture;
import org.vfioworkbench.host.capture.CaptureInfo;
import org.vfioworkbench.host.capture.RecordingFs;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.host.proc.HolderMapper;
import org.vfioworkbench.host.proc.ProcReader;
import org.vfioworkbench.host.proc.ProcessFacts;
import org.vfioworkbench.host.proc.VfioFdKind;
import org.vfioworkbench.host.sysfs.IommuGroupReader;
import org.vfioworkbench.host.sysfs.PciReader;
import org.vfioworkbench.host.sysfs.PciScan;
import org.vfioworkbench.host.sysfs.VfioNodeReader;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.HostOptions;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Scans a host (live, a directory laid out like one, or a capture) into a {@link Topology} with the
 * problems met and the provenance of every holder. Read-only: it only lists, reads files and reads
 * links. One scanner may scan many times (refresh); {@link ScanDiff} compares two results.
 */
public final class HostScanner {

  private final HostFs fs;

  public HostScanner(HostFs fs) {
    this.fs = Objects.requireNonNull(fs, "fs");
  }

  public HostFs fs() {
    return fs;
  }

  public ScanResult scan() {
    return scan(ScanListener.NONE);
  }

  /**
   * Scans once, reporting progress to {@code listener}.
   *
   * @throws java.util.concurrent.CancellationException when the listener cancels
   */
  public ScanResult scan(ScanListener listener) {
    return scan(fs, listener);
  }

  /** A scan and the capture of exactly what it read. */
  public record Captured(ScanResult result, Capture capture) {}

  /** Scans through a recording filesystem and returns the capture with the result. */
  public Captured capture(ScanListener listener, String createdBy) {
    RecordingFs rec =
        new RecordingFs(fs instanceof LiveFs live ? live.fresh() : fs, HostScanner::redactOtherFds);
    String hostname = quietly(rec, "/proc/sys/kernel/hostname");
    String kernel = quietly(rec, "/proc/sys/kernel/osrelease");
    ScanResult result = scan(rec, listener);
    CaptureInfo info =
        new CaptureInfo(
            createdBy,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            hostname,
            kernel,
            fs.describe());
    return new Captured(result, rec.capture(info));
  }

  /**
   * Keeps the targets of other processes' unrelated fds (file names, sockets) out of captures meant
   * for bug reports: the reader only needs to know they are not VFIO files.
   */
  static String redactOtherFds(String path, String target) {
    if (path.startsWith("/proc/") && path.contains("/fd/") && VfioFdKind.of(target) == null) {
      return REDACTED;
    }
    return target;
  }

  /** The target a capture stores for an fd that is not a VFIO file. */
  public static final String REDACTED = "other:[not a VFIO file, redacted]";

  private static String quietly(HostFs fs, String path) {
    try {
      return fs.readText(path).trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** What is read beside the PCI functions: VFIO nodes, IOMMU groups and processes. */
  private record Beside(
      VfioNodeReader.Nodes nodes,
      IommuGroupReader.Groups groups,
      ScanLog groupsLog,
      List<ProcessFacts> processes,
      ScanLog processLog) {}

  private static Beside readBeside(HostFs fs, ScanListener listener) {
    // Progress is the caller's to report; cancellation is still asked.
    ScanListener quiet =
        new ScanListener() {
          @Override
          public void progress(ScanPhase phase, int done, int total) {}

          @Override
          public boolean cancelled() {
            return listener.cancelled();
          }
        };
    ScanLog groupsLog = new ScanLog();
    VfioNodeReader.Nodes nodes = new VfioNodeReader(fs, groupsLog).read();
    IommuGroupReader.Groups groups =
        new IommuGroupReader(fs, groupsLog).read(nodes.noiommuGroups(), quiet);
    ScanLog processLog = new ScanLog();
    List<ProcessFacts> processes = new ProcReader(fs, processLog).read(quiet);
    return new Beside(nodes, groups, groupsLog, processes, processLog);
  }

  private static ScanResult scan(HostFs fs, ScanListener listener) {
    try (ScanWorkers workers = ScanWorkers.forThisMachine()) {
      return scan(fs instanceof LiveFs live ? live.fresh() : fs, listener, workers);
    }
  }

  /** A scan on {@code workers} (tests compare one thread with several). */
  ScanResult scan(ScanListener listener, ScanWorkers workers) {
    return scan(fs instanceof LiveFs live ? live.fresh() : fs, listener, workers);
  }

  /**
   * The PCI functions' directories are read on {@code workers} while one of them reads the VFIO
   * nodes, IOMMU groups and processes; the logs are joined in the order of a scan on one thread
   * (PCI functions and slots, nodes and groups, processes), so the result is the same.
   */
  private static ScanResult scan(HostFs fs, ScanListener listener, ScanWorkers workers) {
    ScanLog log = new ScanLog();
    java.util.concurrent.Future<Beside> beside = workers.submit(() -> readBeside(fs, listener));
    PciScan pci = new PciReader(fs, log).read(listener, workers);
    listener.progress(ScanPhase.VFIO_NODES, 0, 1);
    Beside b = ScanWorkers.join(beside);
    VfioNodeReader.Nodes nodes = b.nodes();
    listener.progress(ScanPhase.VFIO_NODES, 1, 1);
    IommuGroupReader.Groups groups = b.groups();
    log.absorb(b.groupsLog());
    listener.progress(ScanPhase.IOMMU_GROUPS, 1, 1);
    List<PciFunction> functions = reconcileGroups(pci.functions(), groups, log);
    if (groups.missing()) {
      long linked =
          functions.stream()
              .map(PciFunction::iommuGroup)
              .filter(java.util.OptionalInt::isPresent)
              .mapToInt(java.util.OptionalInt::getAsInt)
              .distinct()
              .count();
      log.note(IommuGroupReader.missingNote(fs, (int) linked));
    }

    Map<Bdf, PciFunction> byBdf = new TreeMap<>();
    functions.forEach(f -> byBdf.put(f.bdf(), f));
    Map<String, Bdf> cdevs = new HashMap<>();
    Map<String, Bdf> syspaths = new HashMap<>();
    pci.facts()
        .forEach(
            (bdf, f) -> {
              f.vfioCdev().ifPresent(c -> cdevs.put(c, bdf));
              syspaths.put(f.sysfsPath(), bdf);
            });
    Set<Integer> noiommu = new TreeSet<>(nodes.noiommuGroups());
    groups
        .kinds()
        .forEach(
            (id, k) -> {
              if (k == GroupKind.NOIOMMU) {
                noiommu.add(id);
              }
            });

    List<ProcessFacts> processes = b.processes();
    log.absorb(b.processLog());
    listener.progress(ScanPhase.PROCESSES, 1, 1);
    HolderMapper.Mapped mapped =
        new HolderMapper(byBdf, cdevs, syspaths, noiommu, log).map(processes);

    Map<Integer, IommuGroup> groupList = new TreeMap<>();
    groups.kinds().forEach((id, k) -> groupList.put(id, new IommuGroup(id, k)));
    for (PciFunction f : functions) {
      f.iommuGroup()
          .ifPresent(
              g ->
                  groupList.putIfAbsent(
                      g,
                      new IommuGroup(
                          g, noiommu.contains(g) ? GroupKind.NOIOMMU : GroupKind.IOMMU)));
    }
    boolean noIommuMode = nodes.noIommuMode().orElse(!noiommu.isEmpty());
    boolean cdev = !nodes.present() || nodes.cdevDirectory() || !cdevs.isEmpty();
    if (!nodes.present()) {
      log.note(
          "device cdev support unknown (no "
              + VfioNodeReader.DEV_VFIO
              + " to tell); assumed available");
    }
    Topology topology =
        new Topology(
            new HostOptions(noIommuMode, cdev),
            pci.buses(),
            pci.slots(),
            functions,
            new ArrayList<>(groupList.values()),
            mapped.containers(),
            mapped.iommufds(),
            mapped.holders(),
            List.of());
    replayHolders(topology, log);
    return new ScanResult(
        fs.describe(),
        topology,
        log.problems(),
        mapped.provenance(),
        pci.facts(),
        nodes.names(),
        log.notes(),
        log.unreadableProcesses());
  }

  /**
   * Replays every holder's files through the kernel's open and bind rules, as loading a scenario
   * does: a file the kernel would have refused means the scan saw a state no kernel reaches (a
   * group open in two processes, a device fd in a non-viable group), and each is a problem naming
   * the process and the call.
   */
  private static void replayHolders(Topology topology, ScanLog log) {
    Profile profile = Profile.DEFAULT;
    for (Refusal r : KernelCalls.validate(topology, profile)) {
      log.problem(
          pathOf(topology, r.subject()),
          "the files of " + r.subject(),
          "the kernel ("
              + profile.id()
              + ") would refuse "
              + r.call()
              + " → "
              + r.headline()
              + "; the scan shows a state the kernel cannot reach (files replayed in the order"
              + " containers and iommufds, groups, cdevs, device fds)");
    }
  }

  /** {@code /proc/PID/fd/N} for a refusal about "holder fd N", else the subject itself. */
  private static String pathOf(Topology topology, String subject) {
    int at = subject.lastIndexOf(" fd ");
    if (at > 0) {
      String holder = subject.substring(0, at);
      String fd = subject.substring(at + 4);
      for (org.vfioworkbench.model.Holder h : topology.holders()) {
        if (h.name().equals(holder)) {
          return "/proc/" + h.pid() + "/fd/" + fd;
        }
      }
    }
    return PciReader.DEVICES + "/" + subject;
  }

  /**
   * A function's group comes from its {@code iommu_group} link; when the link is missing or
   * unreadable but the group's {@code devices/} lists the function, the listing is used.
   */
  private static List<PciFunction> reconcileGroups(
      List<PciFunction> functions, IommuGroupReader.Groups groups, ScanLog log) {
    Map<Bdf, Integer> listed = new HashMap<>();
    groups.members().forEach((id, devs) -> devs.forEach(d -> listed.put(d, id)));
    List<PciFunction> out = new ArrayList<>(functions.size());
    for (PciFunction f : functions) {
      Integer g = listed.get(f.bdf());
      if (f.iommuGroup().isEmpty() && g != null) {
        log.problem(
            "/sys/bus/pci/devices/" + f.bdf() + "/iommu_group",
            "IOMMU group of " + f.bdf(),
            "link missing; group "
                + g
                + " taken from "
                + IommuGroupReader.GROUPS
                + "/"
                + g
                + "/devices");
        f =
            new PciFunction(
                f.bdf(),
                f.headerType(),
                f.vendorId(),
                f.deviceId(),
                f.classCode(),
                f.description(),
                f.driver(),
                OptionalInt.of(g),
                f.physfn(),
                f.quirks(),
                f.conditions(),
                f.quirksDeclared(),
                f.vfToken());
      } else if (g != null && f.iommuGroup().getAsInt() != g) {
        log.problem(
            "/sys/bus/pci/devices/" + f.bdf() + "/iommu_group",
            "IOMMU group of " + f.bdf(),
            "link says group "
                + f.iommuGroup().getAsInt()
                + " but group "
                + g
                + " lists the function; the link is used");
      }
      out.add(f);
    }
    return out;
  }
}
