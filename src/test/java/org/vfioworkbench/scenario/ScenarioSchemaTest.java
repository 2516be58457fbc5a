package org.vfioworkbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.TransientCondition;

/** docs/scenario.schema.json names exactly the fields and values the loader reads. */
class ScenarioSchemaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode schema() throws Exception {
    return MAPPER.readTree(Path.of("docs/scenario.schema.json").toFile());
  }

  @ParameterizedTest
  @CsvSource({
    ", ScenarioDto",
    "host, HostDto",
    "bus, BusDto",
    "slot, SlotDto",
    "function, FunctionDto",
    "group, GroupDto",
    "container, ContainerDto",
    "holder, HolderDto",
    "file, FileDto",
    "caller, CallerDto",
    "infoCall, InfoCallDto",
    "resetCall, ResetCallDto",
    "entry, EntryDto",
    "result, ResultDto",
    "expect, ExpectDto"
  })
  void schemaPropertiesMatchTheDto(String def, String dto) throws Exception {
    JsonNode node = def == null ? schema() : schema().at("/$defs/" + def);
    Set<String> inSchema = new TreeSet<>();
    node.get("properties").fieldNames().forEachRemaining(inSchema::add);
    Class<?> type = Class.forName("org.vfioworkbench.scenario.dto." + dto);
    BeanDescription bean = MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(type));
    Set<String> inDto =
        bean.findProperties().stream()
            .map(BeanPropertyDefinition::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inSchema).isEqualTo(inDto);
    assertThat(node.get("additionalProperties").asBoolean(true))
        .as("unknown fields are refused")
        .isFalse();
  }

  @Test
  void enumerationsMatchTheEngineAndModel() throws Exception {
    JsonNode s = schema();
    assertThat(strings(s.at("/$defs/profile/enum")))
        .containsExactlyElementsOf(Arrays.stream(Profile.values()).map(Profile::id).toList());
    assertThat(strings(s.at("/$defs/errno/enum")))
        .containsAll(Arrays.stream(Errno.values()).map(Enum::name).toList());
    assertThat(strings(s.at("/$defs/function/properties/quirks/items/enum")))
        .containsExactlyElementsOf(Arrays.stream(Quirk.values()).map(Enum::name).toList());
    assertThat(strings(s.at("/$defs/function/properties/conditions/items/enum")))
        .containsExactlyElementsOf(
            Arrays.stream(TransientCondition.values()).map(Enum::name).toList());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
