package org.vfioworkbench.scenario.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every bundled lesson with the engine: each task's goal fails before its solution and holds
 * after it, every solution gesture is allowed by the kernel, every fact a step states holds, and
 * every highlight names an element of the lesson's topology.
 */
class BundledLessonsTest {

  static Stream<String> lessonFiles() throws LessonException {
    return LessonCatalog.files().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void everyLessonCanBeCompletedStepByStep(String file) throws LessonException {
    Lesson lesson = LessonLoader.bundled(file);

    assertThat(LessonWalk.of(lesson).problems()).isEmpty();
    assertThat(lesson.id() + ".json").isEqualTo(file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void everyLessonStartsFromABundledSampleAndHasATask(String file) throws Exception {
    Lesson lesson = LessonLoader.bundled(file);

    assertThat(lesson.sample()).isPresent();
    assertThat(LessonSamples.load(lesson.sample().get()).topology().functions()).isNotEmpty();
    assertThat(lesson.taskCount()).isPositive();
  }

  @Test
  void theCatalogCoversTheTopicsNewcomersNeed() throws LessonException {
    List<String> ids = new ArrayList<>();
    for (Lesson l : LessonCatalog.bundled()) {
      ids.add(l.id());
    }

    assertThat(ids)
        .hasSizeGreaterThanOrEqualTo(8)
        .doesNotHaveDuplicates()
        .contains(
            "reset-scope",
            "info-lists-unopened",
            "group-vs-devid-mode",
            "group-fd-proof",
            "empty-array-devid-owned",
            "mixed-group-and-cdev",
            "no-iommu",
            "native-driver-in-scope");
  }
}
