package org.vfioworkbench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.Outcome;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.model.Bdf;

/**
 * Evaluates a scenario's expectations with the engine and compares them field by field. The profile
 * is the expectation's own, else the override (the command line's), else the scenario's.
 */
public final class ExpectationChecker {

  private ExpectationChecker() {}

  public static List<ExpectationOutcome> check(Scenario scenario, Optional<Profile> override) {
    List<ExpectationOutcome> out = new ArrayList<>();
    List<Expectation> list = scenario.expectations();
    for (int i = 0; i < list.size(); i++) {
      Expectation e = list.get(i);
      Profile profile = e.profile().or(() -> override).orElse(scenario.profileOrDefault());
      out.add(check(i, scenario, e, profile));
    }
    return out;
  }

  static ExpectationOutcome check(int index, Scenario scenario, Expectation e, Profile profile) {
    CallRunner.Ran ran = CallRunner.run(scenario.topology(), profile, e.call());
    List<Mismatch> mismatches = new ArrayList<>();
    ExpectedResult want = e.result();
    if (ran instanceof CallRunner.InfoRan i) {
      compareOutcome(want, i.result(), mismatches);
      compareInfo(want, i.result(), mismatches);
    } else if (ran instanceof CallRunner.ResetRan r) {
      compareOutcome(want, r.result(), mismatches);
      want.reset()
          .ifPresent(
              expected -> compare(mismatches, "reset", bdfs(expected), bdfs(r.result().reset())));
    } else if (ran instanceof CallRunner.OpenRan o) {
      Optional<Errno> errno = o.attempt().refusal().map(r -> r.errno());
      compareRet(want, errno.map(Errno::ret).orElse(0), errno, mismatches);
    }
    return new ExpectationOutcome(index, e, profile, ran, mismatches);
  }

  private static void compareOutcome(ExpectedResult want, Outcome actual, List<Mismatch> out) {
    compareRet(want, actual.ret(), actual.errno(), out);
    want.decidedBy().ifPresent(d -> compare(out, "decidedBy", d, decidedBy(actual.trace())));
  }

  private static void compareRet(
      ExpectedResult want, int ret, Optional<Errno> errno, List<Mismatch> out) {
    want.failed()
        .ifPresent(f -> compare(out, "failed", String.valueOf(f), String.valueOf(ret != 0)));
    OptionalInt r = want.ret();
    if (r.isPresent()) {
      compare(out, "ret", String.valueOf(r.getAsInt()), String.valueOf(ret));
    }
    want.errno()
        .ifPresent(
            e ->
                compare(
                    out,
                    "errno",
                    e.name(),
                    errno.map(Errno::name).orElse("none (ret " + ret + ")")));
  }

  private static void compareInfo(ExpectedResult want, InfoResult actual, List<Mismatch> out) {
    want.flags()
        .ifPresent(f -> compare(out, "flags", InfoFlag.names(f), InfoFlag.names(actual.flags())));
    if (want.count().isPresent()) {
      compare(
          out, "count", String.valueOf(want.count().getAsInt()), String.valueOf(actual.count()));
    }
    want.devices().ifPresent(expected -> compareEntries(expected, actual.entries(), out));
  }

  private static void compareEntries(
      List<ExpectedEntry> expected, List<InfoEntry> actual, List<Mismatch> out) {
    for (ExpectedEntry e : expected) {
      Optional<InfoEntry> a = actual.stream().filter(x -> x.bdf().equals(e.bdf())).findFirst();
      String got = a.map(InfoEntry::idLabel).orElse("no entry");
      if (a.isEmpty() || !e.matches(a.get())) {
        out.add(new Mismatch("devices[" + e.bdf() + "]", e.idLabel(), got));
      }
    }
    for (InfoEntry a : actual) {
      if (expected.stream().noneMatch(e -> e.bdf().equals(a.bdf()))) {
        out.add(new Mismatch("devices[" + a.bdf() + "]", "no entry", a.idLabel()));
      }
    }
  }

  /** The kernel function of the last trace step, the one that decided. */
  public static String decidedBy(List<TraceStep> trace) {
    return trace.isEmpty() ? "nothing" : trace.get(trace.size() - 1).function();
  }

  private static String bdfs(List<Bdf> list) {
    return new TreeSet<>(list)
        .stream().map(Bdf::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  private static void compare(List<Mismatch> out, String field, String expected, String actual) {
    if (!expected.equals(actual)) {
      out.add(new Mismatch(field, expected, actual));
    }
  }
}
