package org.vfioworkbench.scenario.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;

/**
 * A guided lesson: a starting topology (a bundled sample, possibly changed by setup gestures) and
 * the steps that walk through it.
 *
 * @param id a stable id, also the file name without {@code .json}
 * @param title the title shown in lists
 * @param summary one sentence on what it teaches
 * @param source where it was read from, for messages
 * @param sample the bundled sample it starts from, empty when the lesson embeds its scenario
 * @param profile the kernel semantics the lesson runs under
 * @param start the topology at the first step
 * @param steps the steps, at least one
 */
public record Lesson(
    String id,
    String title,
    String summary,
    String source,
    Optional<String> sample,
    Profile profile,
    Topology start,
    List<LessonStep> steps) {

  public Lesson {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(start, "start");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("lesson " + id + " has no steps");
    }
  }

  /** The number of steps that carry a task. */
  public long taskCount() {
    return steps.stream().filter(s -> s.task().isPresent()).count();
  }
}
