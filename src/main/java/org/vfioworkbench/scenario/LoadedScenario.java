package org.vfioworkbench.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A scenario as read from a file, with where its expectations start, so reports can point at them.
 *
 * @param source the file name as given
 * @param scenario the content
 * @param expectationLines the 1-based line of each expectation, 0 when unknown
 */
public record LoadedScenario(String source, Scenario scenario, List<Integer> expectationLines) {

  public LoadedScenario {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(scenario, "scenario");
    expectationLines = List.copyOf(expectationLines);
  }

  /** The line of expectation {@code index}, 0 when unknown. */
  public int lineOf(int index) {
    return index < expectationLines.size() ? expectationLines.get(index) : 0;
  }
}
