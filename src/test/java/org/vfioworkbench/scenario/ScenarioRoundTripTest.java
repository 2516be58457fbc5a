package org.vfioworkbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.SyntheticHost;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.Topology;

/**
 * load → save → load gives the same scenario, for samples, generated hosts and edited topologies.
 */
class ScenarioRoundTripTest {

  static Stream<Path> samples() {
    return SampleFiles.all().stream();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 120);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleSurvivesSaveAndLoad(Path sample, @TempDir Path dir) throws Exception {
    Scenario loaded = ScenarioLoader.load(sample);
    Path copy = dir.resolve(sample.getFileName());
    ScenarioWriter.save(loaded, copy);
    Scenario again = ScenarioLoader.load(copy);
    assertThat(again).isEqualTo(loaded);
    assertThat(ScenarioWriter.toJson(again)).isEqualTo(ScenarioWriter.toJson(loaded));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void generatedHostsSurviveSaveAndLoad(long seed) throws Exception {
    Topology t = SyntheticHost.generate(SyntheticHost.Spec.small(seed));
    assertThat(KernelCalls.validate(t, Profile.DEFAULT))
        .as("the generator keeps states reachable")
        .isEmpty();
    Scenario s = Scenario.of(t);
    assertThat(ScenarioLoader.parse(ScenarioWriter.toJson(s), "seed-" + seed + ".json"))
        .isEqualTo(s);
  }

  @Test
  void topologiesEditedThroughKernelCallsSurviveSaveAndLoad() throws Exception {
    Scenario seed =
        ScenarioLoader.load(SampleFiles.DIR.resolve("s19-seed-cdev-and-type1-group.json"));
    Topology t = seed.topology();
    List<Topology> states = new ArrayList<>();
    Attempt a = KernelCalls.release(t, Bdf.parse("0000:02:00.1"));
    states.add(a.orElseThrow());
    a =
        KernelCalls.moveToCdev(
            states.get(0), Profile.DEFAULT, "qemu-cdev", Bdf.parse("0000:02:00.1"));
    states.add(a.orElseThrow());
    a = KernelCalls.release(states.get(1), Bdf.parse("0000:02:00.0"));
    states.add(a.orElseThrow());
    a =
        KernelCalls.moveToGroup(
            states.get(2), Profile.DEFAULT, "qemu-legacy", Bdf.parse("0000:02:00.0"));
    states.add(a.orElseThrow());
    for (Topology state : states) {
      Scenario s = seed.withTopology(state);
      assertThat(ScenarioLoader.parse(ScenarioWriter.toJson(s), "edited.json")).isEqualTo(s);
    }
    List<ExpectationOutcome> stale =
        ExpectationChecker.check(seed.withTopology(states.get(0)), java.util.Optional.empty());
    assertThat(stale)
        .filteredOn(o -> !o.evaluated())
        .extracting(o -> ((CallRunner.NotRun) o.ran()).reason())
        .contains("no holder has 0000:02:00.1 open (neither a device fd nor its cdev)");
  }

  @Test
  void unusedContextsAndAnExplicitGroupOrderAreKept() throws Exception {
    Topology t =
        ScenarioLoader.load(SampleFiles.DIR.resolve("s01-legacy-groups-as-proof.json")).topology();
    List<IommuGroup> reversed = new ArrayList<>(t.groups());
    java.util.Collections.reverse(reversed);
    List<Container> containers = new ArrayList<>(t.containers());
    containers.add(0, new Container("spare", ContainerType.SPAPR));
    List<IommufdContext> iommufds = new ArrayList<>(t.iommufds());
    iommufds.add(new IommufdContext("unused"));
    Topology odd = t.withGroups(reversed).withContainers(containers).withIommufds(iommufds);
    Scenario s = Scenario.of(odd);
    String json = ScenarioWriter.toJson(s);
    assertThat(json)
        .contains("\"groups\": [")
        .contains("\"containers\": [")
        .contains("\"iommufds\": [");
    assertThat(ScenarioLoader.parse(json, "odd.json")).isEqualTo(s);
  }

  @Test
  void handWrittenLayoutIsKept() throws Exception {
    String text = SampleFiles.read(SampleFiles.DIR.resolve("s19-seed-cdev-and-type1-group.json"));
    String saved = ScenarioWriter.toJson(ScenarioLoader.parse(text, "s19.json"));
    assertThat(saved)
        .contains("    {\"bus\": \"0000:02\", \"bridge\": \"0000:00:1c.0\"}")
        .contains("        {\"fd\": 4, \"cdev\": \"0000:02:00.0\", \"iommufd\": \"A\"}")
        .contains("        {\"fd\": 4, \"group\": 21, \"container\": \"c1\"},")
        .contains("      \"caller\": {\"device\": \"0000:02:00.0\"},");
    assertThat(saved.lines().filter(l -> l.length() > 100))
        .as("only single long strings exceed 100 columns")
        .allMatch(l -> l.trim().matches("\"(description|about|name)\": \".*\",?"));
  }
}
