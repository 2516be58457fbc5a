package org.vfioworkbench.lab.guest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vfioworkbench.lab.guest.GuestPlan.PlannedCall;
import org.vfioworkbench.lab.guest.GuestPlan.PlannedFunction;
import org.vfioworkbench.lab.guest.GuestPlan.PlannedOpen;
import org.vfioworkbench.lab.guest.GuestReport.CallOutcome;
import org.vfioworkbench.lab.guest.GuestReport.GuestEntry;
import org.vfioworkbench.lab.guest.GuestReport.GuestFunction;
import org.vfioworkbench.lab.guest.GuestReport.OpenOutcome;

/**
 * Runs a {@link GuestPlan} inside the lab guest: binds the placed functions, replays the holders'
 * opens in order, makes the planned calls and writes a {@link GuestReport} as one JSON line (framed
 * by {@link #BEGIN} and {@link #END}) to the output, the guest's second serial port.
 *
 * <p>Usage inside the guest: {@code GuestRunner PLAN.json /dev/ttyS1}. It refuses to run unless the
 * kernel command line carries {@code vfio_workbench_lab=1}, so it can never touch the devices of a
 * real host.
 */
public final class GuestRunner {

  /** Marks the start of the report line on the output port. */
  public static final String BEGIN = "VFIO-LAB-REPORT ";

  /** Marks progress lines on the output port. */
  public static final String PROGRESS = "VFIO-LAB-PROGRESS ";

  /** Marks the end of the run. */
  public static final String END = "VFIO-LAB-END";

  private final GuestPlan plan;
  private final LabVfio vfio;
  private final GuestSysfs sysfs;
  private final OutputStream out;
  private final Map<String, String> guestBdf = new HashMap<>();
  private final Map<String, Integer> realFds = new HashMap<>();
  private final Map<Integer, Integer> ioasOf = new HashMap<>();
  private final Map<Integer, Boolean> iommuSet = new HashMap<>();

  GuestRunner(GuestPlan plan, LabVfio vfio, GuestSysfs sysfs, OutputStream out) {
    this.plan = plan;
    this.vfio = vfio;
    this.sysfs = sysfs;
    this.out = out;
  }

  /** Entry point inside the guest. */
  public static void main(String[] args) throws IOException {
    Path cmdline = Path.of("/proc/cmdline");
    String line = Files.exists(cmdline) ? Files.readString(cmdline) : "";
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      if (!line.contains("vfio_workbench_lab=1")) {
        emit(
            out,
            BEGIN,
            new ObjectMapper()
                .writeValueAsString(
                    new GuestReport(
                        "",
                        List.of(),
                        List.of(),
                        List.of(),
                        "not a kernel lab guest: refusing to run")));
        return;
      }
      ObjectMapper json = new ObjectMapper();
      GuestPlan plan = json.readValue(Path.of(args[0]).toFile(), GuestPlan.class);
      GuestReport report =
          new GuestRunner(plan, new BindingLabVfio(), new GuestSysfs(Path.of("/sys")), out)
              .run(kernelVersion());
      emit(out, BEGIN, json.writeValueAsString(report));
      emit(out, END, "");
    }
  }

  private static String kernelVersion() {
    try {
      return Files.readString(Path.of("/proc/version")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  GuestReport run(String kernel) {
    List<GuestFunction> functions = new ArrayList<>();
    List<OpenOutcome> opens = new ArrayList<>();
    List<CallOutcome> calls = new ArrayList<>();
    try {
      progress("placing " + plan.functions().size() + " functions");
      Map<String, PlannedFunction> byBdf = new LinkedHashMap<>();
      for (PlannedFunction f : plan.functions()) {
        byBdf.put(f.bdf(), f);
        String g = sysfs.resolve(f.path()).orElse(null);
        if (g == null) {
          return new GuestReport(
              kernel,
              functions,
              opens,
              calls,
              "function " + f.bdf() + " not found at path " + f.path());
        }
        guestBdf.put(f.bdf(), g);
      }
      for (String bdf : plan.bindOrder()) {
        sysfs.bind(guestBdf.get(bdf), "vfio-pci");
      }
      for (PlannedFunction f : plan.functions()) {
        String g = guestBdf.get(f.bdf());
        if (f.want().equals("vfio-pci") && !plan.bindOrder().contains(f.bdf())) {
          sysfs.bind(g, "vfio-pci");
        } else if (f.want().equals("pci-stub")) {
          sysfs.bind(g, "pci-stub");
        } else if (f.want().equals("none")) {
          sysfs.keepDriverless(g);
        }
      }
      for (PlannedFunction f : plan.functions()) {
        String g = guestBdf.get(f.bdf());
        GuestFunction gf =
            new GuestFunction(
                f.bdf(), g, sysfs.ids(g), sysfs.group(g), sysfs.driver(g), sysfs.resetMethod(g));
        functions.add(gf);
      }
      progress("opening " + plan.opens().size() + " files");
      for (PlannedOpen o : plan.opens()) {
        opens.add(open(o));
      }
      progress("making " + plan.calls().size() + " calls");
      for (PlannedCall c : plan.calls()) {
        calls.add(call(c));
      }
      return new GuestReport(kernel, functions, opens, calls, null);
    } catch (IOException | RuntimeException e) {
      return new GuestReport(kernel, functions, opens, calls, e.toString());
    }
  }

  private OpenOutcome open(PlannedOpen o) {
    int[] opened = {-1};
    boolean unprivileged = plan.withoutRawio().contains(o.holder());
    try {
      if (unprivileged) {
        vfio.setRawio(false);
      }
      return openSteps(o, opened);
    } catch (LabCallException e) {
      closeQuietly(opened[0]);
      return new OpenOutcome(o.holder(), o.fd(), -1, e.errno(), e.call(), -1);
    } catch (IOException e) {
      closeQuietly(opened[0]);
      return new OpenOutcome(o.holder(), o.fd(), -1, 5, e.toString(), -1);
    } finally {
      if (unprivileged) {
        try {
          vfio.setRawio(true);
        } catch (LabCallException e) {
          progress("cannot raise CAP_SYS_RAWIO again: " + e.getMessage());
        }
      }
    }
  }

  /** A failed open leaves nothing open behind it, as a failed open(2) would not. */
  private void closeQuietly(int fd) {
    if (fd >= 0) {
      vfio.close(fd);
    }
  }

  private OpenOutcome openSteps(PlannedOpen o, int[] opened) throws LabCallException, IOException {
    int fd;
    long devid = -1;
    switch (o.kind()) {
      case "container" -> fd = vfio.open("/dev/vfio/vfio");
      case "iommufd" -> fd = vfio.open("/dev/iommu");
      case "group" -> {
        fd = vfio.open(groupNode(o.group()));
        opened[0] = fd;
        if (o.contextFd() >= 0) {
          int ctx = realFd(o.holder(), o.contextFd());
          vfio.setContainer(fd, ctx);
          PlannedOpen ctxOpen = contextOpen(o.holder(), o.contextFd());
          if (ctxOpen != null
              && ctxOpen.kind().equals("container")
              && !iommuSet.getOrDefault(ctx, false)) {
            vfio.setIommu(ctx, ctxOpen.noIommuContainer() ? LabVfio.NOIOMMU : LabVfio.TYPE1V2);
            iommuSet.put(ctx, true);
          }
        }
      }
      case "device" -> {
        int group = groupFdFor(o.holder(), o.bdf());
        fd = vfio.groupDeviceFd(group, guestBdf.get(o.bdf()));
      }
      case "cdev" -> {
        String node =
            sysfs
                .cdevNode(guestBdf.get(o.bdf()))
                .orElseThrow(() -> new LabCallException("no vfio-dev cdev for " + o.bdf(), 2));
        fd = vfio.open(node);
        opened[0] = fd;
        if (o.contextFd() >= 0) {
          int ictx = realFd(o.holder(), o.contextFd());
          devid = Integer.toUnsignedLong(vfio.bindIommufd(fd, ictx));
          Integer ioas = ioasOf.get(ictx);
          if (ioas == null) {
            ioas = vfio.ioasAlloc(ictx);
            ioasOf.put(ictx, ioas);
          }
          vfio.attachIommufdPt(fd, ioas);
        }
      }
      default -> fd = vfio.open("/dev/null");
    }
    realFds.put(o.holder() + ":" + o.fd(), fd);
    return new OpenOutcome(o.holder(), o.fd(), fd, 0, null, devid);
  }

  private PlannedOpen contextOpen(String holder, int fd) {
    return plan.opens().stream()
        .filter(p -> p.holder().equals(holder) && p.fd() == fd)
        .findFirst()
        .orElse(null);
  }

  private String groupNode(int scenarioGroup) throws IOException {
    int g = guestGroupOf(scenarioGroup);
    return plan.noIommu() ? "/dev/vfio/noiommu-" + g : "/dev/vfio/" + g;
  }

  /** The guest group of a scenario group: the group of any function the plan puts in it. */
  private int guestGroupOf(int scenarioGroup) throws IOException {
    for (PlannedFunction f : plan.functions()) {
      if (f.group() == scenarioGroup) {
        return sysfs.group(guestBdf.get(f.bdf()));
      }
    }
    throw new IOException("the plan places no function of scenario group " + scenarioGroup);
  }

  private int groupFdFor(String holder, String bdf) throws LabCallException {
    int group =
        plan.functions().stream()
            .filter(f -> f.bdf().equals(bdf))
            .mapToInt(PlannedFunction::group)
            .findFirst()
            .orElse(-1);
    for (PlannedOpen o : plan.opens()) {
      if (o.holder().equals(holder) && o.kind().equals("group") && o.group() == group) {
        Integer fd = realFds.get(holder + ":" + o.fd());
        if (fd != null) {
          return fd;
        }
      }
    }
    throw new LabCallException(holder + " holds no open group file for " + bdf, 22);
  }

  private int realFd(String holder, int fd) throws LabCallException {
    Integer real = realFds.get(holder + ":" + fd);
    if (real == null) {
      throw new LabCallException(holder + " fd " + fd + " is not open", 9);
    }
    return real;
  }

  private CallOutcome call(PlannedCall c) {
    if (c.kind().equals("open")) {
      OpenOutcome o = open(c.open());
      if (o.realFd() >= 0) {
        // an extra open is a question, not a change of state: undo it at once
        vfio.close(o.realFd());
        realFds.remove(c.open().holder() + ":" + c.open().fd());
      }
      return new CallOutcome(c.id(), -o.errno(), o.errno(), -1, -1, List.of(), 0);
    }
    Integer caller = realFds.get(c.holder() + ":" + c.fd());
    if (caller == null) {
      return new CallOutcome(c.id(), -9, 9, -1, -1, List.of(), 0);
    }
    long start = System.nanoTime();
    if (c.kind().equals("info")) {
      LabVfio.RawInfo r = vfio.hotResetInfo(caller, c.argsz());
      long micros = (System.nanoTime() - start) / 1000;
      List<GuestEntry> entries = new ArrayList<>();
      for (long[] e : r.entries()) {
        entries.add(
            new GuestEntry(
                String.format("%04x:%02x:%02x.%d", e[0], e[1], e[2] >> 3, e[2] & 7), e[3]));
      }
      return new CallOutcome(c.id(), r.ret(), -r.ret(), r.flags(), r.count(), entries, micros);
    }
    int[] fds = new int[c.fds().size()];
    for (int i = 0; i < fds.length; i++) {
      Integer real = realFds.get(c.holder() + ":" + c.fds().get(i));
      // A number the holder never opened stays closed in the guest too.
      fds[i] = real != null ? real : 900 + c.fds().get(i);
    }
    int ret = vfio.hotReset(caller, c.argsz(), c.flags(), fds);
    long micros = (System.nanoTime() - start) / 1000;
    return new CallOutcome(c.id(), ret, -ret, -1, -1, List.of(), micros);
  }

  private void progress(String text) {
    try {
      emit(out, PROGRESS, text);
    } catch (IOException e) {
      // progress is best effort
    }
  }

  private static void emit(OutputStream out, String prefix, String text) throws IOException {
    out.write((prefix + text + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
