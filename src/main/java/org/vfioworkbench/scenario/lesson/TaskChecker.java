package org.vfioworkbench.scenario.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Diagnostics;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.CallRunner;
import org.vfioworkbench.scenario.ExpectationChecker;
import org.vfioworkbench.scenario.ExpectationOutcome;
import org.vfioworkbench.scenario.Mismatch;
import org.vfioworkbench.scenario.Scenario;

/**
 * Evaluates a task's goal on a topology: every goal expectation is run with the engine by the
 * scenario expectation checker, under the lesson's profile unless the expectation names its own,
 * and the engine's diagnostics of the kinds the task clears must be gone.
 */
public final class TaskChecker {

  private TaskChecker() {}

  /**
   * How a goal came out on one topology.
   *
   * @param outcomes one per goal expectation, in order
   * @param remaining diagnostics of the kinds the task clears that are still there
   */
  public record Result(List<ExpectationOutcome> outcomes, List<Diagnostic> remaining) {

    public Result {
      outcomes = List.copyOf(outcomes);
      remaining = List.copyOf(remaining);
    }

    /** True when every expectation of the goal holds and no diagnostic to clear remains. */
    public boolean solved() {
      return outcomes.stream().allMatch(ExpectationOutcome::passed) && remaining.isEmpty();
    }

    /**
     * One line per expectation that does not hold yet (what was called and what differs), then one
     * per diagnostic still to clear.
     */
    public List<String> unmet() {
      List<String> out =
          new ArrayList<>(
              outcomes.stream().filter(o -> !o.passed()).map(Result::describe).toList());
      remaining.forEach(d -> out.add("still " + d.kind() + ": " + d.message()));
      return out;
    }

    private static String describe(ExpectationOutcome o) {
      String call =
          o.expectation().about().isEmpty()
              ? o.expectation().call().describe()
              : o.expectation().about();
      if (!o.evaluated()) {
        return call + ": cannot be called yet (" + ((CallRunner.NotRun) o.ran()).reason() + ")";
      }
      return call
          + ": "
          + o.mismatches().stream().map(TaskChecker::mismatch).collect(Collectors.joining("; "));
    }
  }

  /** Checks {@code task}'s goal on {@code topology} under {@code profile}. */
  public static Result check(LessonTask task, Topology topology, Profile profile) {
    Objects.requireNonNull(task, "task");
    Scenario goal = new Scenario("", "", Optional.of(profile), topology, task.goal());
    List<Diagnostic> remaining =
        task.clears().isEmpty()
            ? List.of()
            : Diagnostics.of(Analysis.of(topology, profile)).stream()
                .filter(d -> task.clears().contains(d.kind()))
                .toList();
    return new Result(ExpectationChecker.check(goal, Optional.empty()), remaining);
  }

  private static String mismatch(Mismatch m) {
    return m.field()
        + " is "
        + withErrno(m.field(), m.actual())
        + ", wanted "
        + withErrno(m.field(), m.expected());
  }

  /** "-22" becomes "-22 (-EINVAL)" for the ret field. */
  private static String withErrno(String field, String value) {
    if (!field.equals("ret") || !value.startsWith("-")) {
      return value;
    }
    try {
      return Errno.ofNumber(Integer.parseInt(value))
          .map(e -> value + " (" + e.negated() + ")")
          .orElse(value);
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
