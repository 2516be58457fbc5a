package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;

/**
 * Evaluates the same calls under two profiles and lists every field that differs: for each device
 * fd, INFO with a large buffer, a header-only buffer and a one-entry buffer, and every reset
 * variant; and the kernel's verdict on the holders' opens.
 */
public final class ProfileComparison {

  private ProfileComparison() {}

  public static List<ProfileDifference> compare(Topology topology, Profile first, Profile second) {
    HotResetSimulator a = Analysis.of(topology, first);
    HotResetSimulator b = Analysis.of(topology, second);
    List<ProfileDifference> out = new ArrayList<>();
    diff(
        out,
        "kernel refusals of the holders' opens",
        "refusals",
        refusals(topology, first),
        refusals(topology, second));
    for (FdRef fd : a.deviceFds()) {
      for (long argsz :
          new long[] {
            HotResetSimulator.LARGE_ARGSZ, InfoIoctl.HEADER, InfoIoctl.HEADER + InfoIoctl.ENTRY
          }) {
        String call =
            "INFO " + fd + (argsz == HotResetSimulator.LARGE_ARGSZ ? "" : " argsz " + argsz);
        compareInfo(out, call, a.info(fd, argsz), b.info(fd, argsz));
      }
      Set<String> seen = new LinkedHashSet<>();
      for (ResetVariant v : concat(a.variants(fd), b.variants(fd))) {
        String name =
            v.kind().label()
                + " "
                + v.request().fds()
                + (v.isHypothetical() ? " + open " + v.groupsToOpen() : "");
        if (!seen.add(name)) {
          continue;
        }
        String call = "HOT_RESET " + fd + " " + name;
        ResetResult ra = a.evaluate(fd, v);
        ResetResult rb = b.evaluate(fd, v);
        diff(out, call, "ret", ra.retLabel(), rb.retLabel());
        diff(out, call, "reset", ra.reset().toString(), rb.reset().toString());
      }
    }
    return out;
  }

  private static void compareInfo(
      List<ProfileDifference> out, String call, InfoResult x, InfoResult y) {
    diff(out, call, "ret", x.retLabel(), y.retLabel());
    diff(out, call, "flags", InfoFlag.names(x.flags()), InfoFlag.names(y.flags()));
    diff(out, call, "count", String.valueOf(x.count()), String.valueOf(y.count()));
    diff(out, call, "entries", entries(x), entries(y));
  }

  private static String entries(InfoResult r) {
    return r.entries().stream()
        .map(e -> e.bdf() + "=" + e.idLabel())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String refusals(Topology t, Profile p) {
    return KernelCalls.validate(t, p).stream()
        .map(Refusal::toString)
        .collect(Collectors.joining("; ", "[", "]"));
  }

  private static void diff(
      List<ProfileDifference> out, String call, String field, String x, String y) {
    if (!x.equals(y)) {
      out.add(new ProfileDifference(call, field, x, y));
    }
  }

  private static <T> List<T> concat(List<T> x, List<T> y) {
    List<T> out = new ArrayList<>(x);
    out.addAll(y);
    return out;
  }
}
