package org.vfioworkbench.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.scenario.lesson.Lesson;
import org.vfioworkbench.scenario.lesson.LessonLoader;
import org.vfioworkbench.scenario.lesson.LessonStep;

class LessonViewModelTest {

  private Preferences prefs;
  private LearnProgress progress;
  private final FakeHost host = new FakeHost();
  private LessonViewModel vm;
  private Lesson mixed;

  @BeforeEach
  void setUp() throws Exception {
    prefs = new MemoryPreferences();
    progress = new LearnProgress(prefs);
    vm = new LessonViewModel(host, progress);
    mixed = LessonLoader.bundled("mixed-group-and-cdev.json");
  }

  @Test
  void startingALessonLoadsItsTopologyAndHighlightsTheFirstStep() {
    vm.start(mixed);

    assertThat(host.opened).containsExactly("Lesson: " + mixed.title());
    assertThat(host.topology).isEqualTo(mixed.start());
    assertThat(vm.headingProperty().get()).isEqualTo("Step 1 of 5: The seed case");
    assertThat(host.highlights).containsExactly(mixed.steps().get(0).highlight());
    assertThat(vm.canGoNextProperty().get()).isTrue();
    assertThat(vm.canGoBackProperty().get()).isFalse();
  }

  @Test
  void nextStaysLockedUntilTheTaskIsCheckedSolved() {
    vm.start(mixed);
    goTo(3);
    Bdf fn1 = Bdf.parse("0000:02:00.1");

    assertThat(vm.hasTaskProperty().get()).isTrue();
    assertThat(vm.canGoNextProperty().get()).isFalse();
    vm.check();
    assertThat(vm.solvedProperty().get()).isFalse();
    assertThat(vm.messageProperty().get()).startsWith("Not yet:").contains("-EINVAL");
    assertThat(vm.canGoNextProperty().get()).isFalse();

    host.perform(new Edit.Release(fn1));
    host.perform(new Edit.MoveToCdev("qemu-cdev", fn1));
    vm.check();

    assertThat(vm.solvedProperty().get()).isTrue();
    assertThat(vm.canGoNextProperty().get()).isTrue();
  }

  @Test
  void finishingTheLastStepRemembersTheLesson() {
    vm.start(mixed);
    goTo(3);
    vm.showSolution();
    vm.next();
    vm.next();

    assertThat(vm.finishedProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).startsWith("Lesson complete");
    assertThat(progress.completed("mixed-group-and-cdev")).isTrue();
    assertThat(vm.canGoNextProperty().get()).isFalse();
  }

  @Test
  void showSolutionLoadsTheSolvedTopologyAndSaysHow() {
    vm.start(mixed);
    goTo(3);

    vm.showSolution();

    assertThat(vm.solvedProperty().get()).isTrue();
    assertThat(vm.messageProperty().get())
        .startsWith(
            "The lesson's solution: drag 0000:02:00.1 to the unowned area, then drag"
                + " 0000:02:00.1 onto qemu-cdev's cdev lane.");
  }

  @Test
  void restartingAStepReloadsWhereItStarts() {
    vm.start(mixed);
    goTo(3);
    host.perform(new Edit.Release(Bdf.parse("0000:02:00.0")));

    vm.restartStep();

    assertThat(host.topology).isEqualTo(mixed.start());
    assertThat(vm.stepIndexProperty().get()).isEqualTo(3);
  }

  @Test
  void aWorkbenchThatKeepsItsDocumentLeavesTheLessonUnstarted() {
    host.declines = true;

    assertThat(vm.start(mixed)).isFalse();
    assertThat(vm.lessonProperty().get()).isNull();
    assertThat(vm.canGoNextProperty().get()).isFalse();
  }

  @Test
  void openingAnotherDocumentEndsTheLessonSoCheckNeverJudgesIt() {
    vm.start(mixed);
    goTo(3);

    host.userOpens(org.vfioworkbench.ui.files.BuiltInSamples.workstation());

    assertThat(vm.lessonProperty().get()).isNull();
    assertThat(vm.hasTaskProperty().get()).isFalse();
    assertThat(vm.canGoNextProperty().get()).isFalse();
    vm.check();
    assertThat(vm.messageProperty().get()).isEmpty();
  }

  @Test
  void theLessonsOwnOpensKeepItRunning() {
    vm.start(mixed);
    goTo(3);

    vm.restartStep();
    vm.showSolution();

    assertThat(vm.lessonProperty().get()).isEqualTo(mixed);
    assertThat(vm.stepIndexProperty().get()).isEqualTo(3);
  }

  private void goTo(int step) {
    while (vm.stepIndexProperty().get() < step) {
      LessonStep s = mixed.steps().get(vm.stepIndexProperty().get());
      assertThat(s.task()).as("steps before %d have no task", step).isEmpty();
      vm.next();
    }
  }
}
