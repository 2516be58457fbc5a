package org.vfioworkbench.scenario.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.model.Topology;

/**
 * Walks a lesson the way a learner who follows every solution would: from the start topology, step
 * by step, checking that each step's highlight names elements that exist, that its facts hold, that
 * each task's goal does not hold before its solution (otherwise it teaches nothing) and holds after
 * it, and that every solution edit is allowed by the kernel. Also gives the canonical topology at
 * the start of each step, for "start this step again".
 */
public final class LessonWalk {

  private final Lesson lesson;
  private final List<Topology> before = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private LessonWalk(Lesson lesson) {
    this.lesson = lesson;
    walk();
  }

  /** Walks {@code lesson} once. */
  public static LessonWalk of(Lesson lesson) {
    return new LessonWalk(Objects.requireNonNull(lesson, "lesson"));
  }

  /** Everything that keeps the lesson from being completed, one line each; empty when none. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * The topology at the start of step {@code index} when every earlier solution was followed (the
   * state the walk reached, even past a problem).
   */
  public Topology stateBefore(int index) {
    return before.get(index);
  }

  /** The topology after the last step. */
  public Topology end() {
    return before.get(before.size() - 1);
  }

  private void walk() {
    Topology t = lesson.start();
    for (int i = 0; i < lesson.steps().size(); i++) {
      before.add(t);
      LessonStep step = lesson.steps().get(i);
      String at = lesson.source() + ": steps[" + i + "]";
      for (String missing : step.highlight().missingIn(t)) {
        problems.add(at + ".highlight: no " + missing + " in the lesson's topology");
      }
      if (!step.facts().isEmpty()) {
        LessonTask facts = new LessonTask("facts", "", step.facts(), List.of());
        for (String unmet : TaskChecker.check(facts, t, lesson.profile()).unmet()) {
          problems.add(at + ".facts: does not hold: " + unmet);
        }
      }
      if (step.task().isPresent()) {
        t = walkTask(at, step.task().get(), t);
      }
    }
    before.add(t);
  }

  private Topology walkTask(String at, LessonTask task, Topology t) {
    if (TaskChecker.check(task, t, lesson.profile()).solved()) {
      problems.add(at + ".task: the goal already holds before the task is done");
    }
    if (task.solution().isEmpty()) {
      problems.add(at + ".task: no solution to prove the task can be done");
      return t;
    }
    Topology next = t;
    for (int k = 0; k < task.solution().size(); k++) {
      Edit g = task.solution().get(k);
      Attempt a = g.apply(next, lesson.profile());
      if (!a.succeeded()) {
        problems.add(
            at
                + ".task.solution["
                + k
                + "]: "
                + g.describe()
                + " is refused: "
                + a.refusal().orElseThrow().headline());
        return next;
      }
      next = a.orElseThrow();
    }
    TaskChecker.Result after = TaskChecker.check(task, next, lesson.profile());
    if (!after.solved()) {
      problems.add(
          at + ".task: the solution does not reach the goal: " + String.join("; ", after.unmet()));
    }
    return next;
  }
}
