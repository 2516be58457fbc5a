package org.vfioworkbench.scenario.lesson;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.scenario.Expectation;

/**
 * Something the learner must achieve before the next step unlocks.
 *
 * @param prompt what to do, in words
 * @param hint a nudge shown on request (may be empty)
 * @param goal expectations in the scenario format that must all hold; checked with the engine
 * @param solution edits that achieve the goal from the step's canonical start (may be empty only
 *     for lessons that do not ship one; every bundled lesson does)
 * @param clears kinds of engine diagnostic of which none may remain once the task is done
 */
public record LessonTask(
    String prompt,
    String hint,
    List<Expectation> goal,
    List<Edit> solution,
    Set<Diagnostic.Kind> clears) {

  public LessonTask {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(hint, "hint");
    goal = List.copyOf(goal);
    solution = List.copyOf(solution);
    clears = clears.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(clears));
    if (goal.isEmpty()) {
      throw new IllegalArgumentException("a task needs a goal");
    }
  }

  /** A task whose goal is expectations only. */
  public LessonTask(String prompt, String hint, List<Expectation> goal, List<Edit> solution) {
    this(prompt, hint, goal, solution, Set.of());
  }
}
