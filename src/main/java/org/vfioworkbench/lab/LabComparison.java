package org.vfioworkbench.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.lab.guest.GuestReport;
import org.vfioworkbench.lab.guest.GuestReport.CallOutcome;
import org.vfioworkbench.lab.guest.GuestReport.GuestEntry;
import org.vfioworkbench.lab.guest.GuestReport.GuestFunction;
import org.vfioworkbench.lab.guest.GuestReport.OpenOutcome;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Compares a guest's report with the engine: first that the guest was set up as the scenario says
 * (every function found, on the right driver, grouped the same way, every open accepted), then
 * every call field by field, after translating the guest's addresses, group numbers and devids back
 * to the scenario's.
 */
public final class LabComparison {

  private final LabCase labCase;
  private final GuestLayout layout;
  private final GuestReport report;
  private final Analysis engine;
  private final EngineAnswers engineAnswers;
  private final Map<String, Bdf> fromGuestBdf = new HashMap<>();
  private final Map<Integer, Integer> fromGuestGroup = new HashMap<>();

  /** Per scenario iommufd id: devid returned by BIND for each bound cdev's function. */
  private final Map<String, Map<Long, Bdf>> realDevids = new HashMap<>();

  private final List<String> problems = new ArrayList<>();

  private LabComparison(LabCase labCase, GuestLayout layout, GuestReport report) {
    this.labCase = labCase;
    this.layout = layout;
    this.report = report;
    this.engine = Analysis.of(labCase.topology(), labCase.profile());
    this.engineAnswers = new EngineAnswers(labCase);
  }

  /** Compares and returns the verdict (the timings are filled in from {@code run}). */
  public static LabOutcome compare(LabCase labCase, GuestLayout layout, GuestRun run) {
    LabComparison c = new LabComparison(labCase, layout, run.report());
    return c.outcome(run.elapsed().toMillis() / 1000.0, run.runnerStart().toMillis() / 1000.0);
  }

  /** The grouping label for a layout on the lab kernel. */
  public static String grouping(GuestLayout layout) {
    return layout.noIommu()
        ? "real kernel, synthetic grouping (no-IOMMU mode: one group per vfio device)"
        : "real kernel, synthetic grouping (lab ACS quirk: one group per e1000e function)";
  }

  private LabOutcome outcome(double seconds, double runnerSeconds) {
    if (report.error() != null) {
      problems.add("guest: " + report.error());
    }
    checkSetup();
    List<CallComparison> rows = new ArrayList<>();
    if (problems.isEmpty()) {
      rows.addAll(compareOpens());
      for (CallOutcome o : report.calls()) {
        int i = Integer.parseInt(o.id().substring(1));
        rows.add(compareCall(labCase.calls().get(i), o));
      }
    }
    LabStatus status =
        !problems.isEmpty()
            ? LabStatus.SETUP_FAILED
            : rows.stream().allMatch(CallComparison::agrees)
                ? LabStatus.VERIFIED
                : LabStatus.DISAGREES;
    return new LabOutcome(
        labCase.name(),
        status,
        report.kernel(),
        grouping(layout),
        problems,
        rows,
        seconds,
        runnerSeconds);
  }

  private void checkSetup() {
    Map<Integer, Integer> toGuestGroup = new HashMap<>();
    for (GuestFunction g : report.functions()) {
      Bdf bdf = Bdf.parse(g.bdf());
      if (g.guestBdf() == null) {
        problems.add(bdf + " was not found in the guest");
        continue;
      }
      fromGuestBdf.put(g.guestBdf(), bdf);
      PlacedFunction p =
          layout.functions().stream().filter(f -> f.bdf().equals(bdf)).findFirst().orElseThrow();
      String want = p.want();
      boolean driverOk =
          switch (want) {
            case "vfio-pci" -> g.driver().equals("vfio-pci");
            case "none" -> g.driver().isEmpty();
            case "pci-stub" -> g.driver().equals("pci-stub");
            case "native" -> !g.driver().isEmpty() && !g.driver().equals("vfio-pci");
            default -> g.driver().isEmpty() || g.driver().equals("pcieport");
          };
      if (!driverOk) {
        problems.add(
            bdf
                + " (guest "
                + g.guestBdf()
                + ", "
                + p.qemuDevice()
                + ") is on '"
                + g.driver()
                + "', the scenario needs "
                + want);
      }
      boolean bridge = want.equals("bridge");
      if (g.group() >= 0 && p.group() >= 0) {
        Integer before = fromGuestGroup.putIfAbsent(g.group(), p.group());
        Integer back = toGuestGroup.putIfAbsent(p.group(), g.group());
        if (before != null && before != p.group() || back != null && back != g.group()) {
          problems.add(
              "IOMMU grouping differs: "
                  + bdf
                  + " is in guest group "
                  + g.group()
                  + ", scenario group "
                  + p.group()
                  + " (the kernel's groups cannot match the"
                  + " scenario's on this guest)");
        }
      } else if (!bridge && (g.group() >= 0) != (p.group() >= 0)) {
        problems.add(
            bdf
                + ": "
                + (p.group() >= 0
                    ? "has no IOMMU group in the guest"
                    : "has guest IOMMU group " + g.group() + ", none in the scenario"));
      }
    }
  }

  private List<CallComparison> compareOpens() {
    Topology t = labCase.topology();
    List<CallComparison> rows = new ArrayList<>();
    for (OpenOutcome o : report.opens()) {
      Holder h = t.holder(o.holder()).orElseThrow();
      OpenFile f = h.file(o.fd()).orElseThrow();
      if (f instanceof CdevFile c && c.boundTo().isPresent() && o.devid() >= 0) {
        realDevids
            .computeIfAbsent(c.boundTo().get(), k -> new HashMap<>())
            .put(o.devid(), c.device());
      }
      if (o.errno() != 0) {
        // The scenario says this file is open; the engine accepted the state.
        Answer eng = new Answer(0, "", -1, -1, List.of());
        Answer real = new Answer(-o.errno(), errnoName(o.errno()), -1, -1, List.of());
        rows.add(
            new CallComparison(
                "setup: "
                    + o.holder()
                    + " opens fd "
                    + o.fd()
                    + " = "
                    + f.describe()
                    + " ("
                    + o.failedCall()
                    + ")",
                eng,
                real,
                List.of("ret: engine 0 (the scenario's state), kernel " + real.brief()),
                0));
      }
    }
    return rows;
  }

  private CallComparison compareCall(LabCall call, CallOutcome real) {
    Answer eng = engineAnswers.answer(call);
    Answer ker;
    if (call instanceof LabCall.Info info) {
      ker = kernelInfo(info, real);
    } else {
      ker = new Answer(real.ret(), errnoName(real.errno()), -1, -1, List.of());
    }
    return new CallComparison(call.describe(), eng, ker, differences(eng, ker), real.micros());
  }

  private Answer kernelInfo(LabCall.Info info, CallOutcome real) {
    boolean header = real.ret() == 0 || real.errno() == Errno.ENOSPC.number();
    Optional<String> ictx = engineAnswers.callerIctx(info);
    TreeMap<String, String> entries = new TreeMap<>();
    for (GuestEntry g : real.entries()) {
      Bdf bdf = fromGuestBdf.get(g.guestBdf());
      String key = bdf != null ? bdf.toString() : "guest " + g.guestBdf();
      entries.put(key, kernelLabel(g, bdf, real.flags(), ictx));
    }
    return new Answer(
        real.ret(),
        errnoName(real.errno()),
        header ? real.flags() : -1,
        header ? real.count() : -1,
        entries.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList());
  }

  private String kernelLabel(GuestEntry g, Bdf bdf, int flags, Optional<String> ictx) {
    boolean devIdMode = (flags & 1) != 0;
    if (!devIdMode) {
      Integer s = fromGuestGroup.get((int) g.id());
      return s != null ? "group " + s : "guest group " + g.id();
    }
    if (g.id() == InfoEntry.DEVID_OWNED) {
      return "OWNED";
    }
    if (g.id() == InfoEntry.DEVID_NOT_OWNED) {
      return "NOT_OWNED";
    }
    Bdf owner = ictx.map(realDevids::get).map(m -> m.get(g.id())).orElse(null);
    if (owner != null) {
      return "devid of " + owner;
    }
    // A device bound through a compat group: its devid was never returned to user space,
    // and the kernel reports a device's own devid, so it names the entry's function.
    return bdf != null ? "devid of " + bdf : "devid " + g.id();
  }

  static List<String> differences(Answer eng, Answer ker) {
    List<String> out = new ArrayList<>();
    if (eng.ret() != ker.ret()) {
      out.add("ret: engine " + eng.ret() + ", kernel " + ker.ret());
    }
    if (!eng.errno().equals(ker.errno())) {
      out.add("errno: engine " + or(eng.errno()) + ", kernel " + or(ker.errno()));
    }
    if (eng.flags() >= 0 && ker.flags() >= 0 && eng.flags() != ker.flags()) {
      out.add(
          "flags: engine 0x"
              + Integer.toHexString(eng.flags())
              + ", kernel 0x"
              + Integer.toHexString(ker.flags()));
    }
    if (eng.count() != ker.count() && (eng.count() >= 0 || ker.count() >= 0)) {
      out.add("count: engine " + eng.count() + ", kernel " + ker.count());
    }
    if (!eng.entries().equals(ker.entries())) {
      out.add("entries: engine " + eng.entries() + ", kernel " + ker.entries());
    }
    return out;
  }

  private static String or(String errno) {
    return errno.isEmpty() ? "none" : errno;
  }

  static String errnoName(int errno) {
    if (errno == 0) {
      return "";
    }
    return Errno.ofNumber(errno).map(Errno::name).orElse("errno " + errno);
  }

  /** Functions the scenario places (used by reports to list the mapping). */
  static List<PciFunction> placed(Topology t) {
    return t.functions();
  }
}
