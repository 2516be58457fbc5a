package org.vfioworkbench.scenario.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.scenario.lesson.LessonFixtures.MOVE_FN1_TO_GROUP_LANE;
import static org.vfioworkbench.scenario.lesson.LessonFixtures.RESET_SUCCEEDS;
import static org.vfioworkbench.scenario.lesson.LessonFixtures.lesson;
import static org.vfioworkbench.scenario.lesson.LessonFixtures.parse;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;

class LessonWalkTest {

  @Test
  void aTaskWhoseSolutionReachesItsGoalHasNoProblems() throws LessonException {
    Lesson l =
        parse(
            lesson("{\"functions\": [\"0000:02:00.1\"]}", RESET_SUCCEEDS, MOVE_FN1_TO_GROUP_LANE));

    LessonWalk walk = LessonWalk.of(l);

    assertThat(walk.problems()).isEmpty();
    assertThat(walk.end().file(new FdRef("qemu", 6))).isPresent();
  }

  @Test
  void aGoalThatAlreadyHoldsTeachesNothing() throws LessonException {
    String infoWorks =
        "{\"caller\": {\"device\": \"0000:02:00.0\"}, \"info\": {}, \"result\": {\"ret\": 0}}";

    LessonWalk walk = LessonWalk.of(parse(lesson("{}", infoWorks, MOVE_FN1_TO_GROUP_LANE)));

    assertThat(walk.problems()).singleElement().asString().contains("already holds before");
  }

  @Test
  void aSolutionTheKernelRefusesIsReported() throws LessonException {
    String cdevOfFn0 = "{\"moveToCdev\": {\"holder\": \"qemu\", \"device\": \"0000:02:00.0\"}}";
    String bindSecondCdev =
        "{\"moveToGroup\": {\"holder\": \"qemu\", \"device\": \"0000:02:00.1\"}},"
            + "{\"setDriver\": {\"device\": \"0000:02:00.1\", \"driver\": \"pci-stub\"}}";

    LessonWalk walk =
        LessonWalk.of(parse(lesson("{}", RESET_SUCCEEDS, cdevOfFn0 + "," + bindSecondCdev)));

    assertThat(walk.problems())
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "task.solution[2]: bind 0000:02:00.1 to pci-stub is refused: -EBUSY"));
  }

  @Test
  void aSolutionThatMissesTheGoalIsReported() throws LessonException {
    String releaseFn0 = "{\"release\": {\"device\": \"0000:02:00.0\"}}";

    LessonWalk walk = LessonWalk.of(parse(lesson("{}", RESET_SUCCEEDS, releaseFn0)));

    assertThat(walk.problems())
        .singleElement()
        .asString()
        .contains("does not reach the goal")
        .contains("no holder has 0000:02:00.0 open");
  }

  @Test
  void aHighlightOfAMissingElementIsReported() throws LessonException {
    String highlight =
        "{\"functions\": [\"0000:03:00.0\"], \"groups\": [99], \"holders\": [\"vm9\"],"
            + " \"buses\": [\"0000:07\"]}";

    LessonWalk walk =
        LessonWalk.of(parse(lesson(highlight, RESET_SUCCEEDS, MOVE_FN1_TO_GROUP_LANE)));

    assertThat(walk.problems())
        .containsExactly(
            "test.json: steps[0].highlight: no function 0000:03:00.0 in the lesson's topology",
            "test.json: steps[0].highlight: no IOMMU group 99 in the lesson's topology",
            "test.json: steps[0].highlight: no holder vm9 in the lesson's topology",
            "test.json: steps[0].highlight: no bus 0000:07 in the lesson's topology");
  }

  @Test
  void aFactTheEngineContradictsIsReported() throws LessonException {
    String json =
        """
        {"format": 1, "id": "t", "title": "T", "scenario": %s,
         "steps": [{"text": "fn1 is reset too, says the text",
                    "facts": [{"caller": {"device": "0000:02:00.0"}, "reset": {"natural": true},
                               "result": {"ret": 0}}]}]}
        """
            .formatted(LessonFixtures.CARD);

    LessonWalk walk = LessonWalk.of(parse(json));

    assertThat(walk.problems())
        .singleElement()
        .asString()
        .startsWith("test.json: steps[0].facts: does not hold:")
        .contains("ret is -22 (-EINVAL), wanted 0");
  }

  @Test
  void theStateBeforeAStepFollowsEarlierSolutions() throws LessonException {
    String json =
        """
        {"format": 1, "id": "t", "title": "T", "scenario": %s,
         "steps": [{"text": "a", "task": {"prompt": "p", "goal": [%s], "solution": [%s]}},
                   {"text": "b"}]}
        """
            .formatted(LessonFixtures.CARD, RESET_SUCCEEDS, MOVE_FN1_TO_GROUP_LANE);
    Lesson l = parse(json);

    LessonWalk walk = LessonWalk.of(l);

    assertThat(walk.stateBefore(0)).isEqualTo(l.start());
    assertThat(walk.stateBefore(1).holder("qemu").orElseThrow().files()).hasSize(5);
    assertThat(l.start().function(Bdf.parse("0000:02:00.1"))).isPresent();
  }
}
