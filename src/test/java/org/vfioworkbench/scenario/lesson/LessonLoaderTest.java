package org.vfioworkbench.scenario.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vfioworkbench.scenario.lesson.LessonFixtures.CARD;
import static org.vfioworkbench.scenario.lesson.LessonFixtures.MOVE_FN1_TO_GROUP_LANE;
import static org.vfioworkbench.scenario.lesson.LessonFixtures.RESET_SUCCEEDS;
import static org.vfioworkbench.scenario.lesson.LessonFixtures.lesson;
import static org.vfioworkbench.scenario.lesson.LessonFixtures.parse;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;

class LessonLoaderTest {

  @Test
  void readsStepsHighlightsGoalsAndSolutions() throws LessonException {
    Lesson l =
        parse(
            lesson(
                "{\"functions\": [\"02:00.1\"], \"views\": [\"outcomes\"]}",
                RESET_SUCCEEDS,
                MOVE_FN1_TO_GROUP_LANE));

    LessonStep step = l.steps().get(0);
    assertThat(l.profile()).isEqualTo(Profile.DEFAULT);
    assertThat(l.sample()).isEmpty();
    assertThat(step.highlight().functions()).containsExactly(Bdf.parse("0000:02:00.1"));
    assertThat(step.highlight().views()).containsExactly("outcomes");
    assertThat(step.task().orElseThrow().goal()).hasSize(1);
    assertThat(step.task().orElseThrow().solution())
        .containsExactly(new Edit.MoveToGroup("qemu", Bdf.parse("0000:02:00.1")));
  }

  @Test
  void aBrokenGoalIsReportedAtItsStep() {
    String badGoal =
        "{\"caller\": {\"device\": \"0000:02:00.0\"}, \"reset\": {\"natural\": true},"
            + " \"result\": {\"errno\": \"ENOTANERRNO\"}}";

    assertThatThrownBy(() -> parse(lesson("{}", badGoal, MOVE_FN1_TO_GROUP_LANE)))
        .isInstanceOf(LessonException.class)
        .hasMessageStartingWith("test.json: steps[0].task.goal[0].result.errno: ");
  }

  @Test
  void anUnknownSampleIsNamed() {
    String json =
        "{\"format\": 1, \"id\": \"t\", \"title\": \"T\", \"sample\": \"nope.json\","
            + " \"steps\": [{\"text\": \"x\"}]}";

    assertThatThrownBy(() -> parse(json))
        .hasMessage("test.json: sample: sample-topologies/nope.json: no such bundled sample");
  }

  @Test
  void anUnknownViewIsRefused() {
    assertThatThrownBy(
            () ->
                parse(lesson("{\"views\": [\"console\"]}", RESET_SUCCEEDS, MOVE_FN1_TO_GROUP_LANE)))
        .hasMessageContaining("steps[0].highlight.views: unknown view \"console\"");
  }

  @Test
  void aTaskCanAskThatDiagnosticsOfAKindAreGone() throws Exception {
    String json =
        """
        {"format": 1, "id": "t", "title": "T", "scenario": %s,
         "steps": [{"text": "x", "task": {"prompt": "p", "goal": [%s],
                    "clears": ["unheld-device-blocks-reset"], "solution": [%s]}}]}
        """
            .formatted(CARD, RESET_SUCCEEDS, MOVE_FN1_TO_GROUP_LANE);
    Lesson l = parse(json);
    LessonTask task = l.steps().get(0).task().orElseThrow();
    assertThat(task.clears()).containsExactly(Diagnostic.Kind.UNHELD_DEVICE_BLOCKS_RESET);

    TaskChecker.Result before = TaskChecker.check(task, l.start(), l.profile());
    assertThat(before.remaining())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("0000:02:00.1"));
    assertThat(before.unmet()).anySatisfy(u -> assertThat(u).startsWith("still Unheld device"));
    Topology after = task.solution().get(0).apply(l.start(), l.profile()).orElseThrow();
    assertThat(TaskChecker.check(task, after, l.profile()).solved()).isTrue();
  }

  @Test
  void anUnknownDiagnosticKindIsNamed() {
    String json =
        """
        {"format": 1, "id": "t", "title": "T", "scenario": %s,
         "steps": [{"text": "x", "task": {"prompt": "p", "goal": [%s],
                    "clears": ["no-such-kind"], "solution": []}}]}
        """
            .formatted(CARD, RESET_SUCCEEDS);
    assertThatThrownBy(() -> parse(json))
        .hasMessageContaining("steps[0].task.clears[0]: unknown diagnostic kind \"no-such-kind\"");
  }

  @Test
  void aGestureMustBeExactlyOneThing() {
    String two =
        "{\"release\": {\"device\": \"0000:02:00.1\"},"
            + " \"moveToCdev\": {\"holder\": \"qemu\", \"device\": \"0000:02:00.1\"}}";

    assertThatThrownBy(() -> parse(lesson("{}", RESET_SUCCEEDS, two)))
        .hasMessageContaining("steps[0].task.solution[0]: a gesture is exactly one of");
  }

  @Test
  void aSetupTheKernelRefusesIsReported() {
    String json =
        """
        {"format": 1, "id": "t", "title": "T", "scenario": %s,
         "setup": [{"setDriver": {"device": "0000:02:00.0", "driver": "e1000e"}}],
         "steps": [{"text": "x"}]}
        """
            .formatted(CARD);

    assertThatThrownBy(() -> parse(json))
        .hasMessageStartingWith(
            "test.json: setup[0]: bind 0000:02:00.0 to e1000e is refused: -EBUSY");
  }

  @Test
  void unknownFieldsAndMissingPartsAreRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "{\"format\": 1, \"id\": \"t\", \"title\": \"T\", \"sample\": \"x.json\","
                        + " \"steps\": [{\"text\": \"x\", \"colour\": \"red\"}]}"))
        .hasMessageContaining("colour");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"format\": 1, \"id\": \"t\", \"title\": \"T\", \"steps\": [{\"text\": \"x\"}]}"))
        .hasMessageContaining("exactly one of \"sample\"");
    assertThatThrownBy(() -> parse("{\"format\": 2}"))
        .hasMessage("test.json: format: must be 1, found 2");
    assertThatThrownBy(() -> parse("")).hasMessageContaining("test.json");
  }
}
