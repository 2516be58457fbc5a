package org.vfioworkbench.scenario.lesson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Expectation;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;

/**
 * Reads lesson files (format 1). The lesson's scenario is a bundled sample or embedded; its task
 * goals are scenario expectations, so they are read by the scenario loader together with the
 * scenario, and every problem is reported against the lesson: {@code source: steps[2].task.goal[0]:
 * what is wrong}. Setup edits are replayed through the kernel checks.
 */
public final class LessonLoader {

  /** The lesson format this workbench reads. */
  public static final int FORMAT = 1;

  private static final Pattern EXPECT_INDEX = Pattern.compile("^\\$\\.expect\\[(\\d+)](.*)$");
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private LessonLoader() {}

  /** Reads the bundled lesson resource {@code org/vfioworkbench/lessons/<file>}. */
  public static Lesson bundled(String file) throws LessonException {
    String resource = LessonCatalog.FOLDER + file;
    try (InputStream in = LessonLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new LessonException(resource, "", "no such bundled lesson");
      }
      return parse(in.readAllBytes(), resource);
    } catch (IOException e) {
      throw new LessonException(resource, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a lesson from its JSON text; {@code source} names it in messages. */
  public static Lesson parse(byte[] json, String source) throws LessonException {
    LessonDto.File dto;
    try {
      dto = MAPPER.readValue(json, LessonDto.File.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new LessonException(source, where, e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new LessonException(source, "", "cannot read: " + e.getMessage(), e);
    }
    if (dto == null) {
      throw new LessonException(source, "", "the file is empty; a lesson is a JSON object");
    }
    return new Reader(dto, source).read();
  }

  /** Turns one bound file into a lesson, naming the place of every problem. */
  private static final class Reader {
    private final LessonDto.File dto;
    private final String source;

    /**
     * For each entry of the combined scenario's expect list: its step, whether it is a fact (1) or
     * a goal (0), and its index in that list.
     */
    private final List<int[]> places = new ArrayList<>();

    Reader(LessonDto.File dto, String source) {
      this.dto = dto;
      this.source = source;
    }

    Lesson read() throws LessonException {
      if (dto.format() == null || dto.format() != FORMAT) {
        throw fail(
            "format",
            "must be " + FORMAT + (dto.format() == null ? "" : ", found " + dto.format()));
      }
      String id = required(dto.id(), "id");
      String title = required(dto.title(), "title");
      if (dto.steps() == null || dto.steps().isEmpty()) {
        throw fail("steps", "a lesson needs at least one step");
      }
      if ((dto.sample() == null) == (dto.scenario() == null)) {
        throw fail(
            "",
            "name exactly one of \"sample\" (a bundled sample file) and \"scenario\" (an embedded scenario)");
      }
      Scenario scenario = scenario();
      Profile profile = profile(scenario);
      Topology start = setup(scenario.topology(), profile);
      List<LessonStep> steps = new ArrayList<>();
      for (int i = 0; i < dto.steps().size(); i++) {
        steps.add(step(i, dto.steps().get(i), scenario.expectations()));
      }
      return new Lesson(
          id,
          title,
          dto.summary() == null ? "" : dto.summary(),
          source,
          Optional.ofNullable(dto.sample()),
          profile,
          start,
          steps);
    }

    /** The lesson's scenario with every task goal as its expectations, checked by the loader. */
    private Scenario scenario() throws LessonException {
      String what = dto.sample() != null ? "sample " + dto.sample() : "scenario";
      ObjectNode tree;
      try {
        JsonNode node =
            dto.sample() != null
                ? MAPPER.readTree(LessonSamples.read(dto.sample()))
                : dto.scenario();
        if (!node.isObject()) {
          throw fail("scenario", "must be a JSON object in the scenario format");
        }
        tree = (ObjectNode) node.deepCopy();
      } catch (ScenarioException e) {
        throw fail("sample", e.getMessage());
      } catch (JsonProcessingException e) {
        throw fail("sample", "not JSON: " + e.getOriginalMessage());
      }
      ArrayNode expect = tree.putArray("expect");
      for (int i = 0; i < dto.steps().size(); i++) {
        LessonDto.StepDto step = dto.steps().get(i);
        List<JsonNode> facts = list(step.facts());
        for (int j = 0; j < facts.size(); j++) {
          expect.add(facts.get(j));
          places.add(new int[] {i, 1, j});
        }
        LessonDto.TaskDto task = step.task();
        if (task == null) {
          continue;
        }
        if (task.goal() == null || task.goal().isEmpty()) {
          throw fail(
              "steps[" + i + "].task.goal", "a task needs at least one expectation to check");
        }
        for (int j = 0; j < task.goal().size(); j++) {
          expect.add(task.goal().get(j));
          places.add(new int[] {i, 0, j});
        }
      }
      try {
        return ScenarioLoader.parse(MAPPER.writeValueAsString(tree), source + " (" + what + ")");
      } catch (ScenarioException e) {
        Matcher m = EXPECT_INDEX.matcher(e.jsonPath());
        if (m.matches()) {
          int[] place = places.get(Integer.parseInt(m.group(1)));
          String list = place[1] == 1 ? ".facts[" : ".task.goal[";
          throw fail("steps[" + place[0] + "]" + list + place[2] + "]" + m.group(2), e.problem());
        }
        throw fail(dto.sample() != null ? "sample" : "scenario", e.getMessage());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree always serialises", e);
      }
    }

    private Profile profile(Scenario scenario) throws LessonException {
      if (dto.profile() == null) {
        return scenario.profileOrDefault();
      }
      return Profile.byId(dto.profile())
          .orElseThrow(
              () ->
                  fail(
                      "profile",
                      "unknown profile \"" + dto.profile() + "\"; known: " + Profile.ids()));
    }

    private Topology setup(Topology topology, Profile profile) throws LessonException {
      Topology t = topology;
      List<Edit> setup = edits(dto.setup(), "setup");
      for (int k = 0; k < setup.size(); k++) {
        Attempt a = setup.get(k).apply(t, profile);
        if (!a.succeeded()) {
          throw fail(
              "setup[" + k + "]",
              setup.get(k).describe() + " is refused: " + a.refusal().orElseThrow().headline());
        }
        t = a.orElseThrow();
      }
      return t;
    }

    private LessonStep step(int i, LessonDto.StepDto s, List<Expectation> all)
        throws LessonException {
      String at = "steps[" + i + "]";
      String text = required(s.text(), at + ".text");
      Highlight highlight = highlight(s.highlight(), at + ".highlight");
      List<Expectation> facts = new ArrayList<>();
      List<Expectation> goal = new ArrayList<>();
      for (int k = 0; k < places.size(); k++) {
        if (places.get(k)[0] == i) {
          (places.get(k)[1] == 1 ? facts : goal).add(all.get(k));
        }
      }
      Optional<LessonTask> task = Optional.empty();
      if (s.task() != null) {
        task =
            Optional.of(
                new LessonTask(
                    required(s.task().prompt(), at + ".task.prompt"),
                    s.task().hint() == null ? "" : s.task().hint(),
                    goal,
                    edits(s.task().solution(), at + ".task.solution"),
                    kinds(s.task().clears(), at + ".task.clears")));
      }
      return new LessonStep(s.title() == null ? "" : s.title(), text, highlight, facts, task);
    }

    private Highlight highlight(LessonDto.HighlightDto h, String at) throws LessonException {
      if (h == null) {
        return Highlight.NONE;
      }
      List<Bdf> functions = new ArrayList<>();
      for (String f : list(h.functions())) {
        functions.add(bdf(f, at + ".functions"));
      }
      List<BusAddress> buses = new ArrayList<>();
      for (String b : list(h.buses())) {
        try {
          buses.add(BusAddress.parse(b));
        } catch (IllegalArgumentException e) {
          throw fail(at + ".buses", e.getMessage());
        }
      }
      for (String v : list(h.views())) {
        if (!Highlight.VIEWS.contains(v)) {
          throw fail(
              at + ".views",
              "unknown view \""
                  + v
                  + "\"; known: "
                  + String.join(", ", Highlight.VIEWS.stream().sorted().toList()));
        }
      }
      return new Highlight(functions, list(h.groups()), list(h.holders()), buses, list(h.views()));
    }

    private Set<Diagnostic.Kind> kinds(List<String> codes, String at) throws LessonException {
      Set<Diagnostic.Kind> out = EnumSet.noneOf(Diagnostic.Kind.class);
      List<String> list = codes == null ? List.of() : codes;
      for (int k = 0; k < list.size(); k++) {
        String code = list.get(k);
        Optional<Diagnostic.Kind> kind =
            code == null ? Optional.empty() : Diagnostic.Kind.ofCode(code);
        if (kind.isEmpty()) {
          throw fail(
              at + "[" + k + "]",
              "unknown diagnostic kind \""
                  + code
                  + "\"; known: "
                  + String.join(
                      ", ",
                      Arrays.stream(Diagnostic.Kind.values()).map(Diagnostic.Kind::code).toList()));
        }
        out.add(kind.get());
      }
      return out;
    }

    private List<Edit> edits(List<LessonDto.EditDto> list, String at) throws LessonException {
      List<Edit> out = new ArrayList<>();
      for (int k = 0; k < list(list).size(); k++) {
        out.add(edit(list.get(k), at + "[" + k + "]"));
      }
      return out;
    }

    private Edit edit(LessonDto.EditDto g, String at) throws LessonException {
      int set =
          (g.moveToCdev() != null ? 1 : 0)
              + (g.moveToGroup() != null ? 1 : 0)
              + (g.release() != null ? 1 : 0)
              + (g.setDriver() != null ? 1 : 0);
      if (set != 1) {
        throw fail(at, "a gesture is exactly one of moveToCdev, moveToGroup, release, setDriver");
      }
      if (g.moveToCdev() != null) {
        return new Edit.MoveToCdev(
            required(g.moveToCdev().holder(), at + ".moveToCdev.holder"),
            bdf(g.moveToCdev().device(), at + ".moveToCdev.device"));
      }
      if (g.moveToGroup() != null) {
        return new Edit.MoveToGroup(
            required(g.moveToGroup().holder(), at + ".moveToGroup.holder"),
            bdf(g.moveToGroup().device(), at + ".moveToGroup.device"));
      }
      if (g.release() != null) {
        return new Edit.Release(bdf(g.release().device(), at + ".release.device"));
      }
      return new Edit.SetDriver(
          bdf(g.setDriver().device(), at + ".setDriver.device"),
          driver(required(g.setDriver().driver(), at + ".setDriver.driver")));
    }

    private Bdf bdf(String text, String at) throws LessonException {
      try {
        return Bdf.parse(required(text, at));
      } catch (IllegalArgumentException e) {
        throw fail(at, e.getMessage());
      }
    }

    private String required(String value, String at) throws LessonException {
      if (value == null || value.isBlank()) {
        throw fail(at, "is required");
      }
      return value;
    }

    private LessonException fail(String where, String problem) {
      return new LessonException(source, where, problem);
    }
  }

  /** The driver a lesson names: vfio-pci, pci-stub, pcieport, none, or any native driver. */
  static Driver driver(String name) {
    return switch (name) {
      case "vfio-pci" -> Driver.VFIO_PCI;
      case "pci-stub" -> Driver.PCI_STUB;
      case "pcieport" -> Driver.PCIEPORT;
      case "none" -> Driver.NONE;
      default -> Driver.nativeDriver(name);
    };
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
