package org.vfioworkbench.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.scenario.lesson.LessonException;
import org.vfioworkbench.ui.files.BundledSamples;

class WelcomeViewModelTest {

  private Preferences prefs;
  private LearnProgress progress;
  private final FakeHost host = new FakeHost();

  @BeforeEach
  void setUp() {
    prefs = new MemoryPreferences();
    progress = new LearnProgress(prefs);
  }

  @Test
  void theWelcomePageShowsOnTheFirstRunOnly() {
    assertThat(progress.showWelcomeAtStart()).isTrue();

    new WelcomeViewModel(host, progress, WelcomeViewModel.bundledLessons(), List.of()).markSeen();

    assertThat(new LearnProgress(prefs).showWelcomeAtStart()).isFalse();
  }

  @Test
  void askingForThePageAtEveryStartIsRemembered() {
    WelcomeViewModel vm =
        new WelcomeViewModel(host, progress, WelcomeViewModel.bundledLessons(), List.of());
    vm.markSeen();

    vm.showAtStartProperty().set(true);

    assertThat(new LearnProgress(prefs).showWelcomeAtStart()).isTrue();
  }

  @Test
  void offersEveryBundledLessonAndSample() {
    WelcomeViewModel vm =
        new WelcomeViewModel(
            host, progress, WelcomeViewModel.bundledLessons(), BundledSamples.list());

    assertThat(vm.lessons()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(vm.lessons().get(0).lesson().id()).isEqualTo("reset-scope");
    assertThat(vm.samples()).extracting(s -> s.name()).contains("s19-seed-cdev-and-type1-group");
    assertThat(vm.problemProperty().get()).isEmpty();

    assertThat(vm.openSample(vm.samples().get(0))).isTrue();
    assertThat(host.opened).containsExactly(vm.samples().get(0).name());
  }

  @Test
  void completedLessonsAreTicked() {
    progress.markCompleted("no-iommu");

    WelcomeViewModel vm =
        new WelcomeViewModel(host, progress, WelcomeViewModel.bundledLessons(), List.of());

    assertThat(vm.lessons())
        .filteredOn(WelcomeViewModel.LessonEntry::completed)
        .extracting(e -> e.lesson().id())
        .containsExactly("no-iommu");
    assertThat(vm.lessons())
        .filteredOn(WelcomeViewModel.LessonEntry::completed)
        .extracting(WelcomeViewModel.LessonEntry::label)
        .allMatch(l -> l.startsWith("\u2713 "));
  }

  @Test
  void aBrokenLessonIsReportedAndTheSamplesStayUsable() {
    WelcomeViewModel vm =
        new WelcomeViewModel(
            host,
            progress,
            () -> {
              throw new LessonException("lessons/x.json", "steps[0]", "broken");
            },
            BundledSamples.list());

    assertThat(vm.lessons()).isEmpty();
    assertThat(vm.problemProperty().get()).contains("lessons/x.json: steps[0]: broken");
    assertThat(vm.samples()).isNotEmpty();
  }
}
