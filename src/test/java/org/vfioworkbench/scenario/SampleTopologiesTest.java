package org.vfioworkbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped samples: each loads, has a description, states expectations and meets them; together
 * they check every row of the reference table the model can express.
 */
class SampleTopologiesTest {

  /** Rows of §5 the model can express (S34/S35 through transient conditions, S39 as a topology). */
  static final Set<String> REQUIRED_ROWS =
      IntStream.rangeClosed(1, 37)
          .filter(i -> i != 34 && i != 35)
          .mapToObj(i -> String.format("S%02d", i))
          .collect(Collectors.toCollection(TreeSet::new));

  static Stream<Path> samples() {
    return SampleFiles.all().stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleIsDescribedAndMeetsItsExpectations(Path sample) throws Exception {
    Scenario s = ScenarioLoader.load(sample);
    assertThat(s.name()).isNotBlank();
    assertThat(s.description()).as("one paragraph").hasSizeGreaterThan(150).doesNotContain("\n");
    assertThat(s.expectations()).isNotEmpty();
    List<ExpectationOutcome> outcomes = ExpectationChecker.check(s, Optional.empty());
    assertThat(outcomes)
        .allSatisfy(
            o ->
                assertThat(o.passed())
                    .as(
                        "%s expect[%d] %s: %s",
                        sample, o.index(), o.expectation().label(), o.mismatches())
                    .isTrue());
  }

  @Test
  void atLeastTwelveSamplesCoverEveryExpressibleRow() throws Exception {
    List<Path> files = SampleFiles.all();
    assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    Set<String> covered = new TreeSet<>();
    for (Path p : files) {
      ScenarioLoader.load(p).expectations().forEach(e -> e.row().ifPresent(covered::add));
    }
    assertThat(covered).containsAll(REQUIRED_ROWS);
  }

  @Test
  void theSeedCaseAndItsCompatTwinAreAmongThem() throws Exception {
    Scenario seed =
        ScenarioLoader.load(SampleFiles.DIR.resolve("s19-seed-cdev-and-type1-group.json"));
    Scenario twin =
        ScenarioLoader.load(SampleFiles.DIR.resolve("s20-seed-iommufd-compat-twin.json"));
    assertThat(seed.expectations()).anySatisfy(e -> assertThat(e.row()).contains("S19"));
    assertThat(twin.expectations()).anySatisfy(e -> assertThat(e.row()).contains("S20"));
  }
}
