package org.vfioworkbench.host.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.vfioworkbench.host.ScanListener;
import org.vfioworkbench.host.ScanLog;
import org.vfioworkbench.host.ScanPhase;
import org.vfioworkbench.host.fs.FsErrors;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.HostNumbers;

/**
 * Finds the processes holding VFIO files by reading every {@code /proc/PID/fd} link, and reads
 * {@code comm}, {@code cmdline} and {@code status} of those that do. Processes that exit during the
 * scan are counted; those whose fds cannot be read are reported together.
 */
public final class ProcReader {

  private static final int CAP_SYS_RAWIO = 17;
  private static final int MAX_SAMPLE = 8;

  private final HostFs fs;
  private final ScanLog log;

  public ProcReader(HostFs fs, ScanLog log) {
    this.fs = fs;
    this.log = log;
  }

  public List<ProcessFacts> read(ScanListener listener) {
    List<Integer> pids = new ArrayList<>();
    try {
      for (String n : fs.list("/proc")) {
        if (!HostNumbers.looksNumeric(n)) {
          continue;
        }
        OptionalInt pid = HostNumbers.parse(n);
        if (pid.isPresent()) {
          pids.add(pid.getAsInt());
        } else {
          log.problem("/proc/" + n, "a process", "not a process id, skipped");
        }
      }
    } catch (IOException e) {
      if (FsErrors.isMissing(e) && !fs.isLiveHost()) {
        // A copy of /sys alone (hwloc's test trees): nothing failed, the tree has no processes.
        log.note(
            "/proc is not in "
                + fs.describe()
                + ": processes unknown (the tree left /proc out), so no holders are shown");
      } else {
        log.problem("/proc", "the process list", e);
      }
      return List.of();
    }
    pids.sort(null);
    List<ProcessFacts> out = new ArrayList<>();
    List<Integer> denied = new ArrayList<>();
    int exited = 0;
    int done = 0;
    for (int pid : pids) {
      if (listener.cancelled()) {
        throw new CancellationException("scan cancelled");
      }
      listener.progress(ScanPhase.PROCESSES, done++, pids.size());
      String p = Integer.toString(pid);
      String fdDir = "/proc/" + p + "/fd";
      List<String> fdNames;
      try {
        fdNames = fs.list(fdDir);
      } catch (IOException e) {
        if (FsErrors.isMissing(e)) {
          exited++;
        } else if (FsErrors.code(e).equals("EACCES")) {
          denied.add(pid);
          log.unreadableProcess(pid);
        } else {
          log.problem(fdDir, "open files of process " + pid, e);
          log.unreadableProcess(pid);
        }
        continue;
      }
      Map<String, Integer> failures = new TreeMap<>();
      List<VfioFd> fds = vfioFds(p, fdNames, failures);
      if (!failures.isEmpty()) {
        log.unreadableProcess(pid);
      }
      if (failures.containsKey("EACCES")) {
        denied.add(pid);
        failures.remove("EACCES");
      }
      failures.forEach(
          (code, count) ->
              log.problem(
                  fdDir + "/*",
                  "open files of process " + pid,
                  count + " fd link(s) unreadable (" + code + ")"));
      if (!fds.isEmpty()) {
        out.add(facts(pid, fds));
      }
    }
    listener.progress(ScanPhase.PROCESSES, pids.size(), pids.size());
    if (!denied.isEmpty()) {
      log.problem(
          "/proc/*/fd",
          "open files of " + denied.size() + " process(es): pid " + sample(denied),
          "permission denied (all or some of their fds); their VFIO files may be missing");
    }
    if (exited > 0) {
      log.note(exited + " process(es) exited during the scan");
    }
    return out;
  }

  private List<VfioFd> vfioFds(String pid, List<String> fdNames, Map<String, Integer> failures) {
    List<VfioFd> fds = new ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (String n : fdNames) {
      String link = "/proc/" + pid + "/fd/" + n;
      OptionalInt number = HostNumbers.parse(n);
      if (number.isEmpty()) {
        if (HostNumbers.looksNumeric(n)) {
          log.problem(link, "an open file of process " + pid, "not an fd number, skipped");
        }
        continue;
      }
      if (!seen.add(number.getAsInt())) {
        continue;
      }
      String target;
      try {
        target = fs.readLink(link);
      } catch (IOException e) {
        if (!FsErrors.isMissing(e)) {
          failures.merge(FsErrors.code(e), 1, Integer::sum);
        }
        continue;
      }
      VfioFdKind kind = VfioFdKind.of(target);
      if (kind == VfioFdKind.GROUP && VfioFd.groupIdOf(target).isEmpty()) {
        log.problem(
            link,
            "the group behind fd " + n + " of process " + pid,
            "'" + target + "' names no possible IOMMU group; skipped");
        continue;
      }
      if (kind != null) {
        int fd = number.getAsInt();
        Optional<String> syspath = kind == VfioFdKind.DEVICE ? syspath(pid, n) : Optional.empty();
        fds.add(new VfioFd(fd, kind, target, syspath));
      }
    }
    fds.sort((a, b) -> Integer.compare(a.fd(), b.fd()));
    return fds;
  }

  /** {@code vfio-device-syspath:} in the fdinfo of a device fd (Linux 6.18+). */
  private Optional<String> syspath(String pid, String fd) {
    String p = "/proc/" + pid + "/fdinfo/" + fd;
    try {
      for (String line : fs.readText(p).split("\n")) {
        if (line.startsWith("vfio-device-syspath:")) {
          return Optional.of(line.substring("vfio-device-syspath:".length()).trim());
        }
      }
    } catch (IOException e) {
      if (!FsErrors.isMissing(e)) {
        log.problem(p, "which device fd " + fd + " of process " + pid + " is for", e);
      }
    }
    return Optional.empty();
  }

  private ProcessFacts facts(int pid, List<VfioFd> fds) {
    String base = "/proc/" + pid;
    String comm = "";
    List<String> cmdline = List.of();
    OptionalInt uid = OptionalInt.empty();
    boolean rawio = false;
    try {
      comm = fs.readText(base + "/comm");
    } catch (IOException e) {
      log.problem(base + "/comm", "name of process " + pid, e);
    }
    try {
      String raw = new String(fs.read(base + "/cmdline", 64 * 1024), StandardCharsets.UTF_8);
      cmdline = Arrays.stream(raw.split("\0")).filter(s -> !s.isEmpty()).toList();
    } catch (IOException e) {
      log.problem(base + "/cmdline", "command line of process " + pid, e);
    }
    try {
      for (String line : fs.readText(base + "/status").split("\n")) {
        if (line.startsWith("Uid:")) {
          uid = OptionalInt.of(Integer.parseInt(line.substring(4).trim().split("\\s+")[0]));
        } else if (line.startsWith("CapEff:")) {
          long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
          rawio = (caps & (1L << CAP_SYS_RAWIO)) != 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      log.problem(
          base + "/status",
          "uid and capabilities of process " + pid,
          e instanceof IOException io ? FsErrors.describe(io) : "unexpected format");
    }
    return new ProcessFacts(pid, comm, cmdline, uid, rawio, fds);
  }

  private static String sample(List<Integer> pids) {
    List<String> s = pids.stream().limit(MAX_SAMPLE).map(String::valueOf).toList();
    return String.join(", ", s) + (pids.size() > MAX_SAMPLE ? ", …" : "");
  }
}
