package org.vfioworkbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Thousands of damaged scenario files, generated from the samples with fixed seeds: every one must
 * be refused with one clear line naming the file, a location and a JSON path, never an exception of
 * another kind. Mutations that may leave a valid file (random edits, nulls) must either load or be
 * refused just as clearly.
 */
class MalformedScenarioTest {

  static final int CASES_PER_KIND = 500;

  private static MalformedScenarios generator;

  @BeforeAll
  static void readSamples() {
    List<Path> files = SampleFiles.all();
    generator =
        new MalformedScenarios(
            files.stream().map(p -> p.getFileName().toString()).toList(),
            files.stream().map(SampleFiles::read).toList());
  }

  @ParameterizedTest
  @EnumSource(MalformedScenarios.Kind.class)
  void everyDamagedFileGetsOneClearError(MalformedScenarios.Kind kind) {
    List<String> bad = new ArrayList<>();
    int refused = 0;
    for (long seed = 1; seed <= CASES_PER_KIND; seed++) {
      MalformedScenarios.Case c = generator.generate(kind, seed);
      try {
        ScenarioLoader.parse(c.text(), c.name());
        if (c.mustFail()) {
          bad.add(describe(c) + " was accepted");
        }
      } catch (ScenarioException e) {
        refused++;
        clarityProblem(e, c.name())
            .ifPresent(p -> bad.add(describe(c) + ": " + p + " in: " + e.getMessage()));
      } catch (RuntimeException e) {
        bad.add(describe(c) + " threw " + e);
      }
    }
    assertThat(bad).as("cases of %s that were not refused clearly", kind).isEmpty();
    if (kind.mustFail) {
      assertThat(refused).isEqualTo(CASES_PER_KIND);
    }
  }

  /** What is unclear about an error message, if anything. */
  static java.util.Optional<String> clarityProblem(ScenarioException e, String source) {
    String m = e.getMessage();
    if (!m.startsWith(source + ":")) {
      return java.util.Optional.of("does not start with the file name");
    }
    if (m.contains("\n")) {
      return java.util.Optional.of("is not one line");
    }
    if (!e.jsonPath().startsWith("$")) {
      return java.util.Optional.of("names no JSON path");
    }
    if (e.line().isEmpty() && !e.problem().startsWith("the file is empty")) {
      return java.util.Optional.of("names no line");
    }
    for (String leak :
        List.of(
            "Exception",
            "com.fasterxml",
            "java.",
            "org.vfioworkbench",
            "bug in the workbench",
            "Source:",
            "REDACTED",
            "StreamReadFeature")) {
      if (m.contains(leak)) {
        return java.util.Optional.of("leaks \"" + leak + "\"");
      }
    }
    return java.util.Optional.empty();
  }

  private static String describe(MalformedScenarios.Case c) {
    return c.kind() + " seed " + c.seed() + " (" + c.base() + ", " + c.what() + ")";
  }
}
