package org.vfioworkbench.ui.learn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.lesson.Lesson;
import org.vfioworkbench.scenario.lesson.LessonStep;
import org.vfioworkbench.scenario.lesson.LessonTask;
import org.vfioworkbench.scenario.lesson.LessonWalk;
import org.vfioworkbench.scenario.lesson.TaskChecker;

/**
 * The state of the lesson panel: the current lesson and step, its text and task, whether the task
 * is solved, and what Check found. Next unlocks when the step has no task or its task was checked
 * solved. Works on the workbench only through {@link LearnHost}; touches no node.
 */
public final class LessonViewModel {

  private final LearnHost host;
  private final LearnProgress progress;
  private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
  private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(this, "stepIndex", 0);
  private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
  private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper hasTask = new ReadOnlyBooleanWrapper(this, "hasTask");
  private final ReadOnlyBooleanWrapper solved = new ReadOnlyBooleanWrapper(this, "solved");
  private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
  private final BooleanBinding canGoNext;
  private final BooleanBinding canGoBack;
  private LessonWalk walk;
  private boolean opening;

  public LessonViewModel(LearnHost host, LearnProgress progress) {
    this.host = Objects.requireNonNull(host, "host");
    this.progress = Objects.requireNonNull(progress, "progress");
    canGoNext =
        Bindings.createBooleanBinding(
            () -> lesson.get() != null && !finished.get() && (!hasTask.get() || solved.get()),
            lesson,
            hasTask,
            solved,
            finished);
    canGoBack =
        Bindings.createBooleanBinding(
            () -> lesson.get() != null && stepIndex.get() > 0, lesson, stepIndex);
    host.onDocumentReplaced(this::documentReplaced);
  }

  /**
   * Another document than the lesson's own was opened: the lesson ends, so its Check never judges a
   * document it did not give the learner.
   */
  private void documentReplaced() {
    if (!opening && lesson.get() != null) {
      stop();
    }
  }

  /** Ends the running lesson (if any) without marking it completed. */
  public void stop() {
    walk = null;
    lesson.set(null);
    stepIndex.set(0);
    heading.set("");
    text.set("");
    prompt.set("");
    hint.set("");
    message.set("");
    hasTask.set(false);
    solved.set(false);
    finished.set(false);
  }

  /** Opens the lesson's own document; the workbench's replacement notice is not a user's open. */
  private boolean open(Lesson l, Topology t) {
    opening = true;
    try {
      return host.open(documentName(l), t, l.profile());
    } finally {
      opening = false;
    }
  }

  /** Starts {@code l} at its first step and loads its topology into the workbench. */
  public boolean start(Lesson l) {
    Objects.requireNonNull(l, "l");
    if (!open(l, l.start())) {
      return false;
    }
    walk = LessonWalk.of(l);
    finished.set(false);
    lesson.set(l);
    show(0);
    return true;
  }

  /** Evaluates the current task's goal on the workbench's topology with the engine. */
  public void check() {
    if (lesson.get() == null) {
      return;
    }
    Optional<LessonTask> task = currentTask();
    if (task.isEmpty()) {
      solved.set(true);
      return;
    }
    TaskChecker.Result r = TaskChecker.check(task.get(), host.topology(), lesson.get().profile());
    solved.set(r.solved());
    message.set(
        r.solved()
            ? "Done. " + (isLastStep() ? "That was the last step." : "Go on with Next.")
            : "Not yet:\n\u2022 " + String.join("\n\u2022 ", r.unmet()));
  }

  /** Goes to the next step, or finishes the lesson after the last one. */
  public void next() {
    if (!canGoNext.get()) {
      return;
    }
    if (isLastStep()) {
      finished.set(true);
      progress.markCompleted(lesson.get().id());
      message.set("Lesson complete: " + lesson.get().title() + ".");
      return;
    }
    show(stepIndex.get() + 1);
  }

  public void back() {
    if (canGoBack.get()) {
      finished.set(false);
      show(stepIndex.get() - 1);
    }
  }

  /**
   * Loads the topology this step starts from, as if every earlier task was solved the lesson's way.
   */
  public void restartStep() {
    if (lesson.get() != null && open(lesson.get(), walk.stateBefore(stepIndex.get()))) {
      show(stepIndex.get());
    }
  }

  /** Applies the lesson's own solution to this step's starting topology, then checks it. */
  public void showSolution() {
    if (currentTask().isEmpty()) {
      return;
    }
    Topology after = walk.stateBefore(stepIndex.get() + 1);
    if (open(lesson.get(), after)) {
      List<String> how = currentTask().get().solution().stream().map(g -> g.describe()).toList();
      check();
      message.set("The lesson's solution: " + String.join(", then ", how) + ".\n" + message.get());
    }
  }

  private void show(int index) {
    Lesson l = lesson.get();
    LessonStep step = l.steps().get(index);
    stepIndex.set(index);
    heading.set(
        "Step "
            + (index + 1)
            + " of "
            + l.steps().size()
            + (step.title().isEmpty() ? "" : ": " + step.title()));
    text.set(step.text());
    hasTask.set(step.task().isPresent());
    prompt.set(step.task().map(LessonTask::prompt).orElse(""));
    hint.set(step.task().map(LessonTask::hint).orElse(""));
    solved.set(step.task().isEmpty());
    message.set("");
    host.highlight(step.highlight());
  }

  private Optional<LessonTask> currentTask() {
    return lesson.get() == null
        ? Optional.empty()
        : lesson.get().steps().get(stepIndex.get()).task();
  }

  private boolean isLastStep() {
    return stepIndex.get() == lesson.get().steps().size() - 1;
  }

  private static String documentName(Lesson l) {
    return "Lesson: " + l.title();
  }

  public ReadOnlyObjectProperty<Lesson> lessonProperty() {
    return lesson.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty stepIndexProperty() {
    return stepIndex.getReadOnlyProperty();
  }

  /** "Step 2 of 5: Two slots, two scopes". */
  public ReadOnlyStringProperty headingProperty() {
    return heading.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** The task's prompt; empty for a step without a task. */
  public ReadOnlyStringProperty promptProperty() {
    return prompt.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty hintProperty() {
    return hint.getReadOnlyProperty();
  }

  /** What the last Check found, or the lesson's end. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasTaskProperty() {
    return hasTask.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty solvedProperty() {
    return solved.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty finishedProperty() {
    return finished.getReadOnlyProperty();
  }

  public BooleanBinding canGoNextProperty() {
    return canGoNext;
  }

  public BooleanBinding canGoBackProperty() {
    return canGoBack;
  }
}
