package org.vfioworkbench.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.io.IoMessages;
import org.vfioworkbench.io.Limit;
import org.vfioworkbench.io.LimitExceededException;
import org.vfioworkbench.io.NotRegularFileException;
import org.vfioworkbench.io.RegularFiles;
import org.vfioworkbench.scenario.dto.ScenarioDto;

/**
 * Reads scenario files. Every problem, from an unreadable file to a state the kernel would refuse,
 * becomes one {@link ScenarioException} naming the file, line, column and JSON path.
 */
public final class ScenarioLoader {

  /** The format version this workbench reads and writes. */
  public static final int FORMAT = 1;

  private static final ObjectMapper MAPPER = strictMapper();

  private ScenarioLoader() {}

  /** Reads and checks {@code file}. */
  public static Scenario load(Path file) throws ScenarioException {
    return read(file).scenario();
  }

  /** Reads and checks {@code file}, keeping where its expectations are. */
  public static LoadedScenario read(Path file) throws ScenarioException {
    return read(file, () -> false);
  }

  /**
   * Reads and checks {@code file}, asking {@code cancelled} between the steps (read, bind, map,
   * check) and stopping with a {@link java.util.concurrent.CancellationException} once it says yes.
   */
  public static LoadedScenario read(Path file, java.util.function.BooleanSupplier cancelled)
      throws ScenarioException {
    String source = file.toString();
    byte[] content;
    try {
      if (Files.isDirectory(file)) {
        throw ScenarioException.ofFile(source, "is a directory, not a scenario file");
      }
      content = RegularFiles.read(file, Limit.FILE_BYTES);
    } catch (NoSuchFileException e) {
      throw ScenarioException.ofFile(source, "no such file");
    } catch (AccessDeniedException e) {
      throw ScenarioException.ofFile(source, "permission denied");
    } catch (NotRegularFileException e) {
      throw ScenarioException.ofFile(source, e.getReason() + "; not a scenario file");
    } catch (LimitExceededException e) {
      throw ScenarioException.ofFile(
          source, "has " + e.limit().exceeded() + "; not a scenario file");
    } catch (IOException e) {
      throw ScenarioException.ofFile(source, "cannot read: " + IoMessages.reason(file, e));
    }
    return parse(content, source, cancelled);
  }

  /** Reads and checks a scenario held in memory; {@code source} names it in messages. */
  public static Scenario parse(String json, String source) throws ScenarioException {
    return parse(json.getBytes(StandardCharsets.UTF_8), source).scenario();
  }

  static LoadedScenario parse(byte[] content, String source) throws ScenarioException {
    return parse(content, source, () -> false);
  }

  private static LoadedScenario parse(
      byte[] content, String source, java.util.function.BooleanSupplier cancelled)
      throws ScenarioException {
    JsonLocationIndex index = null;
    try {
      stopIf(cancelled);
      Encodings.requireUtf8(content);
      // Streamed only when a problem or an expectation needs a place in the file; a syntax error
      // is found by the binding's parser and placed by the index then.
      index = JsonLocationIndex.lazy(MAPPER.getFactory(), content);
      ScenarioDto dto = bind(content, index);
      stopIf(cancelled);
      Scenario scenario = ScenarioMapper.toScenario(dto);
      stopIf(cancelled);
      KernelRefusals.check(scenario.topology(), scenario.profileOrDefault());
      List<Integer> lines = new ArrayList<>();
      for (int i = 0; i < scenario.expectations().size(); i++) {
        lines.add(
            index
                .find(JsonLocationIndex.element("$.expect", i))
                .map(JsonLocationIndex.Position::line)
                .orElse(0));
      }
      return new LoadedScenario(source, scenario, lines);
    } catch (Problem p) {
      throw toException(p, index, source);
    } catch (java.util.concurrent.CancellationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ScenarioException.ofFile(
          source,
          "could not be checked ("
              + e
              + "); this is a bug in the workbench, "
              + "please report it with the file");
    }
  }

  private static void stopIf(java.util.function.BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new java.util.concurrent.CancellationException("reading the scenario was cancelled");
    }
  }

  /** Binds in two steps so that the format version is checked before any unknown field. */
  private static ScenarioDto bind(byte[] content, JsonLocationIndex index) {
    try {
      JsonNode tree = MAPPER.readTree(content);
      if (tree == null || tree.isMissingNode()) {
        throw new Problem(
            "$", "the file is empty; a scenario is a JSON object starting with {\"format\": 1");
      }
      if (!tree.isObject()) {
        throw new Problem(
            "$",
            "a scenario is a JSON object, found "
                + index.tokenAt("$").map(JacksonProblems::describeToken).orElse("something else"));
      }
      JsonNode format = tree.get("format");
      if (format != null && format.isIntegralNumber() && format.asLong() != FORMAT) {
        throw new Problem(
            "$.format",
            "format "
                + format.asText()
                + " is not supported; this workbench reads format "
                + FORMAT);
      }
      rejectNulls(tree);
      return MAPPER.treeToValue(tree, ScenarioDto.class);
    } catch (JsonProcessingException e) {
      Problem p = JacksonProblems.fromBinding(e, index);
      throw e instanceof UnrecognizedPropertyException
          ? Problem.atKey(p.path(), p.getMessage())
          : new Problem(p.path(), p.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
  }

  /**
   * A scenario never holds {@code null}: absence is said by leaving a field out. An explicit null
   * ({@code "bridge": null}, {@code "iommufd": null}) is refused rather than read as "absent".
   */
  private static void rejectNulls(JsonNode tree) {
    java.util.Deque<Object> at = firstNull(tree);
    if (at != null) {
      String path = "$";
      for (Object step : at) {
        path =
            step instanceof Integer i
                ? JsonLocationIndex.element(path, i)
                : JsonLocationIndex.child(path, (String) step);
      }
      throw new Problem(
          path, "null is not a value here; leave the field out where" + " nothing is meant");
    }
  }

  /**
   * The steps (member names and element indexes) to the first null in document order, or null when
   * there is none; paths are built only for the null found, not for every value.
   */
  private static java.util.Deque<Object> firstNull(JsonNode n) {
    if (n.isNull()) {
      return new java.util.ArrayDeque<>();
    }
    if (n.isObject()) {
      for (var it = n.fields(); it.hasNext(); ) {
        var f = it.next();
        java.util.Deque<Object> below = firstNull(f.getValue());
        if (below != null) {
          below.addFirst(f.getKey());
          return below;
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        java.util.Deque<Object> below = firstNull(n.get(i));
        if (below != null) {
          below.addFirst(i);
          return below;
        }
      }
    }
    return null;
  }

  private static ScenarioException toException(Problem p, JsonLocationIndex index, String source) {
    int line = p.line();
    int column = p.column();
    if (line == 0 && index != null) {
      try {
        var pos =
            p.isAtKey() ? index.key(p.path()).or(() -> index.find(p.path())) : index.find(p.path());
        if (pos.isPresent()) {
          line = pos.get().line();
          column = pos.get().column();
        }
      } catch (Problem syntax) {
        // A document that does not parse has no places to look up; the problem keeps line 0.
      }
    }
    return new ScenarioException(source, line, column, p.path(), p.getMessage());
  }

  /** The strict mapper: unknown fields, duplicate keys, trailing tokens and type coercions fail. */
  static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder(
                JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(
                        StreamReadConstraints.builder()
                            .maxNestingDepth(Limit.JSON_NESTING.intValue())
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    mapper
        .coercionConfigDefaults()
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    return mapper;
  }
}
