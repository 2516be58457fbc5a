package org.vfioworkbench.engine.report;

import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.engine.HotResetSimulator;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.Outcome;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * INFO and HOT_RESET results in kernel developers' words, one string or line each: the pieces the
 * report, the command line and the workbench's Copy share.
 */
public final class ResultText {

  private ResultText() {}

  /** "0, DEV_ID mode, flags 0x1 DEV_ID (DEV_ID_OWNED clear), count 2" and the like. */
  public static String infoSummary(InfoResult r) {
    StringBuilder b = new StringBuilder(r.retLabel());
    if (!r.headerWritten()) {
      return b.toString();
    }
    boolean devId = r.hasFlag(InfoFlag.DEV_ID);
    if (r.succeeded()) {
      b.append(", ").append(devId ? "DEV_ID mode" : "group-id mode");
    }
    b.append(", flags 0x").append(Integer.toHexString(r.flagsMask()));
    if (devId) {
      b.append(' ').append(InfoFlag.names(r.flags()));
      if (!r.hasFlag(InfoFlag.DEV_ID_OWNED)) {
        b.append(" (DEV_ID_OWNED clear)");
      }
    }
    return b.append(", count ").append(r.count()).toString();
  }

  /**
   * The reference table's shorthand: "0, 0x1, [1, NOT_OWNED]", "0, 0x0, [G20, G21]", "-ENOSPC,
   * count 2, 0x0", "-ENODEV".
   */
  public static String infoShort(InfoResult r) {
    if (!r.headerWritten()) {
      return r.retLabel();
    }
    String flags = "0x" + Integer.toHexString(r.flagsMask());
    if (!r.succeeded()) {
      return r.retLabel() + ", count " + r.count() + ", " + flags;
    }
    StringBuilder b = new StringBuilder(r.retLabel()).append(", ").append(flags).append(", [");
    for (int i = 0; i < r.entries().size(); i++) {
      InfoEntry e = r.entries().get(i);
      b.append(i > 0 ? ", " : "");
      if (!e.devIdMode()) {
        b.append('G').append(e.id());
      } else {
        b.append(
            e.isNotOwned() ? "NOT_OWNED" : e.isOwnedSentinel() ? "OWNED" : String.valueOf(e.id()));
      }
    }
    return b.append(']').toString();
  }

  /** One line per entry copied out: "0000:02:00.1 NOT_OWNED". */
  public static List<String> entries(InfoResult r) {
    List<String> out = new ArrayList<>();
    for (InfoEntry e : r.entries()) {
      out.add(entry(e));
    }
    return out;
  }

  /** "0000:02:00.0 group 20". */
  public static String entry(InfoEntry e) {
    return e.bdf() + "  " + e.idLabel();
  }

  /** "0, reset [0000:02:00.0, 0000:02:00.1]" or "-EINVAL". */
  public static String resetSummary(ResetResult r) {
    return r.succeeded() ? "0, reset " + bdfs(r.reset()) : r.retLabel();
  }

  /** "0, 2 reset" or "-EINVAL": the evaluate table's result column. */
  public static String resetShort(ResetResult r) {
    return r.succeeded() ? "0, " + r.reset().size() + " reset" : r.retLabel();
  }

  /** The deciding (last) trace step. */
  public static String decidingStep(Outcome r) {
    List<TraceStep> t = r.trace();
    return t.isEmpty() ? "no checks ran" : t.get(t.size() - 1).toString();
  }

  /** "FAIL vfio_pci_dev_set_hot_reset: member ... not owned". */
  public static String traceLine(TraceStep s) {
    return String.format("%-7s %s: %s", s.verdict(), s.function(), s.fact());
  }

  /** One line per step. */
  public static List<String> trace(List<TraceStep> steps) {
    return steps.stream().map(ResultText::traceLine).toList();
  }

  /** "warning ownership-conflict qemu-cdev fd 4: ...". */
  public static String diagnostic(Diagnostic d) {
    return d.toString();
  }

  /** "[0000:02:00.0, 0000:02:00.1]". */
  public static String bdfs(List<Bdf> list) {
    return list.stream().map(Bdf::toString).toList().toString();
  }

  /** "zero-length array", "[G21]", "[G20, fd 9]": the array as the reference writes it. */
  public static String arrayShort(FdRef caller, ResetVariant v, Topology topology) {
    if (v.request().fds().isEmpty()) {
      return v.kind() == ResetVariant.Kind.EMPTY_ARRAY
          ? "zero-length array"
          : "[] (no group to pass)";
    }
    List<String> items = new ArrayList<>();
    for (int fd : v.request().fds()) {
      items.add(
          topology
              .file(new FdRef(caller.holder(), fd))
              .filter(f -> f instanceof GroupFile)
              .map(f -> "G" + ((GroupFile) f).group())
              .orElse("fd " + fd));
    }
    return "[" + String.join(", ", items) + "]";
  }

  /** "cdev, iommufd A", "cdev, unbound", "group 21, container c1" or "group 21, iommufd A". */
  public static String pathOf(OpenFile f, HotResetSimulator analysis) {
    if (f instanceof CdevFile c) {
      return "cdev, " + c.boundTo().map(i -> "iommufd " + i).orElse("unbound");
    }
    Bdf device = ((DeviceFile) f).device();
    return analysis
        .topology()
        .function(device)
        .filter(fn -> fn.iommuGroup().isPresent())
        .map(
            fn -> {
              int group = fn.iommuGroup().getAsInt();
              return "group "
                  + group
                  + analysis
                      .groupOpen(group)
                      .flatMap(o -> o.file().attachedTo())
                      .map(c -> ", " + c)
                      .orElse("");
            })
        .orElse("group fd");
  }
}
