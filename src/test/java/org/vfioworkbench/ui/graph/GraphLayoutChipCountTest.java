package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.ui.files.BuiltInSamples;

/**
 * {@link GraphLayout#chipsShown}, which decides whether a host opens collapsed down to its root
 * buses, counts the chips a layout draws without laying it out: checked against the layout itself
 * on every bundled sample, a server's scan and generated hosts, with nothing collapsed, with the
 * bridges a host opens collapsed, and with random sets of bridges collapsed.
 */
class GraphLayoutChipCountTest {

  static Stream<Arguments> topologies() throws ScenarioException {
    List<Arguments> out = new ArrayList<>(GraphLayoutOverlapTest.topologies().toList());
    out.add(Arguments.of("generated 500 functions", BuiltInSamples.largeHost(500)));
    out.add(Arguments.of("generated 10,000 functions", BuiltInSamples.largeHost(10000)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void theCountIsWhatTheLayoutDraws(String name, Topology t) {
    Analysis a = Analysis.of(t);
    List<Bdf> bridges =
        t.functions().stream()
            .map(PciFunction::bdf)
            .filter(b -> a.pci().subordinateOf(b).isPresent())
            .toList();
    List<Set<Bdf>> cases = new ArrayList<>();
    cases.add(Set.of());
    cases.add(GraphLayout.defaultCollapsed(a));
    Random random = new Random(name.hashCode());
    for (int i = 0; i < 3; i++) {
      Set<Bdf> some = new HashSet<>();
      bridges.forEach(
          b -> {
            if (random.nextInt(3) == 0) {
              some.add(b);
            }
          });
      cases.add(some);
    }
    for (Set<Bdf> collapsed : cases) {
      assertThat(GraphLayout.chipsShown(a, collapsed))
          .as("%s with %d of %d bridges collapsed", name, collapsed.size(), bridges.size())
          .isEqualTo(GraphLayout.compute(a, collapsed).functions().size());
    }
  }
}
