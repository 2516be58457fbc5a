package org.vfioworkbench.scenario.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON shape of a lesson file (format 1), bound strictly by Jackson: unknown fields fail. Goals
 * stay JSON trees: they are scenario expectations and are read by the scenario loader.
 */
final class LessonDto {

  private LessonDto() {}

  /** A lesson file. Exactly one of {@code sample} and {@code scenario}. */
  record File(
      Integer format,
      String id,
      String title,
      String summary,
      String sample,
      JsonNode scenario,
      String profile,
      List<EditDto> setup,
      List<StepDto> steps) {}

  /**
   * One step. {@code facts} are scenario expectations that hold at this step: what its text claims,
   * checked by the lesson walk but not shown as a task.
   */
  record StepDto(
      String title, String text, HighlightDto highlight, List<JsonNode> facts, TaskDto task) {}

  /** What a step points at. */
  record HighlightDto(
      List<String> functions,
      List<Integer> groups,
      List<String> holders,
      List<String> buses,
      List<String> views) {}

  /**
   * A task: goal expectations in the scenario format, diagnostic kinds (codes) that must be gone,
   * and a solution.
   */
  record TaskDto(
      String prompt,
      String hint,
      List<JsonNode> goal,
      List<String> clears,
      List<EditDto> solution) {}

  /** One edit; exactly one field is set. */
  record EditDto(MoveDto moveToCdev, MoveDto moveToGroup, DeviceDto release, DriverDto setDriver) {}

  /** A function and the holder whose lane it is dropped on. */
  record MoveDto(String holder, String device) {}

  /** A function. */
  record DeviceDto(String device) {}

  /** A function and the driver to bind: vfio-pci, pci-stub, pcieport, none, or a native name. */
  record DriverDto(String device, String driver) {}
}
