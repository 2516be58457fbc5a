package org.vfioworkbench.scenario.lesson;

import java.nio.charset.StandardCharsets;

/** Small lessons written in tests, on an embedded two-function card (reference topology T-A). */
final class LessonFixtures {

  private LessonFixtures() {}

  /**
   * fn0 (group 20) opened by qemu through a type1 container; fn1 (group 21) on vfio-pci, unused.
   */
  static final String CARD =
      """
      {"format": 1, "name": "card",
       "buses": [{"bus": "0000:00"}, {"bus": "0000:02", "bridge": "0000:00:1c.0"}],
       "functions": [
         {"bdf": "0000:00:1c.0", "header": "bridge", "driver": "pcieport", "group": 10},
         {"bdf": "0000:02:00.0", "driver": "vfio-pci", "group": 20},
         {"bdf": "0000:02:00.1", "driver": "vfio-pci", "group": 21}],
       "holders": [{"name": "qemu", "files": [
         {"fd": 3, "container": "c1", "type": "type1"},
         {"fd": 4, "group": 20, "container": "c1"},
         {"fd": 5, "device": "0000:02:00.0"}]}]}
      """;

  /** QEMU's own reset from fn0 succeeds. */
  static final String RESET_SUCCEEDS =
      """
      {"caller": {"device": "0000:02:00.0"}, "reset": {"natural": true}, "result": {"ret": 0}}
      """;

  static final String MOVE_FN1_TO_GROUP_LANE =
      """
      {"moveToGroup": {"holder": "qemu", "device": "0000:02:00.1"}}
      """;

  /** A one-step lesson on {@link #CARD}: the given highlight, goal and solution. */
  static String lesson(String highlight, String goal, String solution) {
    return """
        {"format": 1, "id": "t", "title": "T", "scenario": %s,
         "steps": [{"text": "x", "highlight": %s,
                    "task": {"prompt": "p", "goal": [%s], "solution": [%s]}}]}
        """
        .formatted(CARD, highlight, goal, solution);
  }

  static Lesson parse(String json) throws LessonException {
    return LessonLoader.parse(json.getBytes(StandardCharsets.UTF_8), "test.json");
  }
}
