package org.vfioworkbench.scenario.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.scenario.Expectation;

/**
 * One step of a lesson.
 *
 * @param title a short heading
 * @param text what the step explains
 * @param highlight what it points at on the graph and among the views
 * @param facts expectations that hold at this step (what the text claims), checked by {@link
 *     LessonWalk}
 * @param task what the learner must do before moving on, if anything
 */
public record LessonStep(
    String title,
    String text,
    Highlight highlight,
    List<Expectation> facts,
    Optional<LessonTask> task) {

  public LessonStep {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(highlight, "highlight");
    facts = List.copyOf(facts);
    Objects.requireNonNull(task, "task");
  }
}
