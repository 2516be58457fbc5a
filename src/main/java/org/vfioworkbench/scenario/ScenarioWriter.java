package org.vfioworkbench.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.vfioworkbench.io.AtomicFiles;
import org.vfioworkbench.io.IoMessages;
import org.vfioworkbench.scenario.dto.ScenarioDto;

/**
 * Writes scenario files: format 1, fields in a fixed order, defaults left out, small objects on one
 * line, so that hand-written files stay readable after a round trip. Saving is atomic.
 */
public final class ScenarioWriter {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

  private ScenarioWriter() {}

  /** The file content for {@code scenario}. */
  public static String toJson(Scenario scenario) {
    return CompactJson.write(MAPPER, MAPPER.valueToTree(toDto(scenario)));
  }

  /** Saves {@code scenario} to {@code file} atomically (temporary file, fsync, rename). */
  public static void save(Scenario scenario, Path file) throws ScenarioException {
    byte[] content = toJson(scenario).getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFiles.write(file, content);
    } catch (IOException e) {
      throw ScenarioException.ofFile(
          file.toString(),
          "cannot save: " + IoMessages.reason(file, e) + "; the file was not changed");
    }
  }

  static ScenarioDto toDto(Scenario s) {
    TopologyToDto t = new TopologyToDto(s.topology());
    return new ScenarioDto(
        ScenarioLoader.FORMAT,
        s.name().isEmpty() ? null : s.name(),
        s.description().isEmpty() ? null : s.description(),
        s.profile().map(p -> p.id()).orElse(null),
        t.host(),
        t.buses(),
        emptyToNull(t.slots()),
        t.functions(),
        t.groups(),
        t.containers(),
        t.iommufds(),
        t.holders(),
        t.bindOrder(),
        emptyToNull(ExpectationToDto.map(s.expectations(), s.topology())));
  }

  private static <T> java.util.List<T> emptyToNull(java.util.List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }
}
