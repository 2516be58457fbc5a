package org.vfioworkbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Topology;

class ScenarioLoaderTest {

  /** A small valid scenario: the seed case. Lines matter for the location assertions. */
  static final String SEED =
      """
      {
        "format": 1,
        "name": "seed",
        "buses": [
          {"bus": "0000:00"},
          {"bus": "0000:02", "bridge": "0000:00:1c.0"}
        ],
        "functions": [
          {"bdf": "0000:00:1c.0", "header": "bridge", "group": 10},
          {"bdf": "0000:02:00.0", "driver": "vfio-pci", "group": 20},
          {"bdf": "0000:02:00.1", "driver": "vfio-pci", "group": 21}
        ],
        "holders": [
          {"name": "qemu-cdev", "files": [
            {"fd": 3, "iommufd": "A"},
            {"fd": 4, "cdev": "0000:02:00.0", "iommufd": "A"}
          ]},
          {"name": "qemu-legacy", "files": [
            {"fd": 3, "container": "c1"},
            {"fd": 4, "group": 21, "container": "c1"},
            {"fd": 5, "device": "0000:02:00.1"}
          ]}
        ],
        "expect": [
          {"caller": {"device": "0000:02:00.0"}, "info": {}, "result": {"flags": ["DEV_ID"]}}
        ]
      }
      """;

  @Test
  void aCancelledReadStopsAtTheNextStepAndAnUncancelledOneReadsEverything() throws Exception {
    Path sample = SampleFiles.all().get(0);
    int[] asked = new int[1];
    assertThat(
            catchThrowableOfType(
                () -> ScenarioLoader.read(sample, () -> ++asked[0] > 2),
                java.util.concurrent.CancellationException.class))
        .as("cancelled after the second step")
        .isNotNull();
    assertThat(asked[0]).isEqualTo(3);
    int[] counted = new int[1];
    assertThat(
            ScenarioLoader.read(
                    sample,
                    () -> {
                      counted[0]++;
                      return false;
                    })
                .scenario())
        .isEqualTo(ScenarioLoader.load(sample));
    assertThat(counted[0]).as("asked between every step").isEqualTo(3);
  }

  @Test
  void readsTheSeedCaseIntoTheModel() throws Exception {
    Scenario s = ScenarioLoader.parse(SEED, "seed.json");
    Topology t = s.topology();
    assertThat(t.functions()).hasSize(3);
    assertThat(t.function(Bdf.parse("0000:00:1c.0")).orElseThrow().driver().kind())
        .isEqualTo(DriverKind.PCIEPORT);
    assertThat(t.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.type()).isEqualTo(ContainerType.TYPE1));
    assertThat(t.iommufds()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo("A"));
    assertThat(t.file(new FdRef("qemu-cdev", 4))).containsInstanceOf(CdevFile.class);
    assertThat(t.file(new FdRef("qemu-legacy", 4)))
        .get()
        .isInstanceOfSatisfying(GroupFile.class, g -> assertThat(g.attachedTo()).isPresent());
    assertThat(s.profileOrDefault()).isEqualTo(Profile.DEFAULT);
    assertThat(s.expectations()).hasSize(1);
  }

  @Test
  void unknownFieldNamesTheFileLineColumnPathAndTheNearestName() {
    ScenarioException e =
        fail(SEED.replace("{\"bdf\": \"0000:02:00.1\"", "{\"bfd\": \"0000:02:00.1\""));
    assertThat(e.getMessage()).startsWith("seed.json:11:6: ");
    assertThat(e.jsonPath()).isEqualTo("$.functions[2].bfd");
    assertThat(e.problem()).isEqualTo("unknown field \"bfd\"; did you mean \"bdf\"?");
  }

  @Test
  void wrongTypeSaysWhatWasExpectedAndFound() {
    ScenarioException e = fail(SEED.replace("\"group\": 20", "\"group\": \"20\""));
    assertThat(e.jsonPath()).isEqualTo("$.functions[1].group");
    assertThat(e.line()).contains(10);
    assertThat(e.problem()).isEqualTo("expected a whole number, found a string");
  }

  @Test
  void truncatedFileIsASyntaxErrorAtTheEnd() {
    ScenarioException e = fail(SEED.substring(0, SEED.indexOf("\"holders\"") + 12));
    assertThat(e.problem()).startsWith("the file ends before the JSON document is complete");
    assertThat(e.jsonPath()).isEqualTo("$.holders");
  }

  @Test
  void duplicateKeyIsRefused() {
    ScenarioException e =
        fail(SEED.replace("\"name\": \"seed\",", "\"name\": \"seed\", \"name\": \"again\","));
    assertThat(e.problem()).isEqualTo("the field \"name\" appears twice in this object");
    assertThat(e.jsonPath()).isEqualTo("$.name");
  }

  @Test
  void duplicateBdfPointsAtTheSecondAndNamesTheFirst() {
    ScenarioException e =
        fail(
            SEED.replace(
                "\"0000:02:00.1\", \"driver\": \"vfio-pci\", \"group\": 21",
                "\"0000:02:00.0\", \"driver\": \"vfio-pci\", \"group\": 21"));
    assertThat(e.jsonPath()).isEqualTo("$.functions[2].bdf");
    assertThat(e.problem()).contains("declared twice (first at $.functions[1])");
  }

  @Test
  void danglingContainerSuggestsTheDeclaredOne() {
    ScenarioException e =
        fail(
            SEED.replace(
                "\"group\": 21, \"container\": \"c1\"", "\"group\": 21, \"container\": \"c2\""));
    assertThat(e.jsonPath()).isEqualTo("$.holders[1].files[1].container");
    assertThat(e.problem())
        .isEqualTo("no container file declares container \"c2\"; did you mean \"c1\"?");
  }

  @Test
  void danglingGroupDeviceAndIommufdAreRefused() {
    assertThat(
            fail(SEED.replace("\"group\": 21, \"container\"", "\"group\": 99, \"container\""))
                .problem())
        .isEqualTo("no function is in IOMMU group 99");
    assertThat(
            fail(SEED.replace(
                    "{\"fd\": 5, \"device\": \"0000:02:00.1\"}",
                    "{\"fd\": 5, \"device\": \"0000:02:00.7\"}"))
                .jsonPath())
        .isEqualTo("$.holders[1].files[2].device");
    assertThat(
            fail(SEED.replace(
                    "\"cdev\": \"0000:02:00.0\", \"iommufd\": \"A\"",
                    "\"cdev\": \"0000:02:00.0\", \"iommufd\": \"B\""))
                .jsonPath())
        .isEqualTo("$.holders[0].files[1].iommufd");
  }

  @Test
  void bridgeCycleIsRefusedWhereABusLiesBelowItsBridge() {
    String cyclic =
        SEED.replace(
                "{\"bus\": \"0000:00\"}", "{\"bus\": \"0000:00\", \"bridge\": \"0000:02:01.0\"}")
            .replace(
                "\"functions\": [",
                "\"functions\": [\n    {\"bdf\": \"0000:02:01.0\", \"header\": \"bridge\"},");
    ScenarioException e = fail(cyclic);
    assertThat(e.jsonPath()).isEqualTo("$.buses[0].bridge");
    // A cycle always has a bus numbered at or below its bridge's bus, which the kernel's
    // pci_scan_bridge treats as broken; that is the reason given.
    assertThat(e.problem())
        .startsWith("bus 0000:00 cannot be behind 0000:02:01.0")
        .contains("higher than the bus the bridge sits on");
  }

  @Test
  void busWithoutItsBridgeFunctionIsRefused() {
    ScenarioException e =
        fail(SEED.replace("\"bridge\": \"0000:00:1c.0\"", "\"bridge\": \"0000:00:1d.0\""));
    assertThat(e.problem())
        .isEqualTo("bridge 0000:00:1d.0 of bus 0000:02 is not among the functions");
  }

  @Test
  void functionOnAnUndeclaredBusIsRefused() {
    ScenarioException e = fail(SEED.replace("{\"bus\": \"0000:00\"},", ""));
    assertThat(e.jsonPath()).isEqualTo("$.functions[0].bdf");
    assertThat(e.problem()).startsWith("bus 0000:00 is not declared in \"buses\"");
  }

  @Test
  void absurdNumbersAreOutOfRange() {
    assertThat(
            fail(SEED.replace("{\"fd\": 3, \"iommufd\"", "{\"fd\": 99999999999, \"iommufd\""))
                .problem())
        .isEqualTo("the number 99999999999 is out of range: this field holds a 32-bit integer");
    assertThat(
            fail(SEED.replace("{\"fd\": 3, \"iommufd\"", "{\"fd\": 2000000, \"iommufd\""))
                .problem())
        .isEqualTo("fd 2000000 is out of range (0..1048575)");
    assertThat(
            fail(SEED.replace(
                    "\"0000:02:00.1\", \"driver\": \"vfio-pci\", \"group\": 21",
                    "\"0000:02:20.1\", \"driver\": \"vfio-pci\", \"group\": 21"))
                .problem())
        .contains("device out of range");
  }

  @Test
  void aStateTheKernelWouldRefuseNamesTheHolderAndFd() {
    String refused =
        SEED.replace(
            "{\"fd\": 5, \"device\": \"0000:02:00.1\"}",
            "{\"fd\": 5, \"device\": \"0000:02:00.1\"},\n      {\"fd\": 6, \"group\": 20}");
    ScenarioException e = fail(refused);
    assertThat(e.jsonPath()).isEqualTo("$.holders[1].files[3]");
    assertThat(e.problem()).contains("open(/dev/vfio/20)").contains("-EBUSY");
  }

  @Test
  void newerFormatIsRefusedBeforeItsUnknownFields() {
    ScenarioException e = fail(SEED.replace("\"format\": 1,", "\"format\": 2, \"layout\": {},"));
    assertThat(e.problem()).isEqualTo("format 2 is not supported; this workbench reads format 1");
  }

  @Test
  void driverNamesThatLookLikeVfioMustSaySo() {
    assertThat(
            fail(SEED.replace(
                    "\"driver\": \"vfio-pci\", \"group\": 21",
                    "\"driver\": \"vfio_pci\", \"group\": 21"))
                .problem())
        .contains("the kernel spells it \"vfio-pci\"");
    assertThat(
            fail(SEED.replace(
                    "\"driver\": \"vfio-pci\", \"group\": 21",
                    "\"driver\": \"mlx5_vfio_pci\", \"group\": 21"))
                .problem())
        .contains("\"vfioVariant\": true");
  }

  @Test
  void vfioVariantDriverIsAVfioDevice() throws Exception {
    Scenario s =
        ScenarioLoader.parse(
            SEED.replace(
                "\"driver\": \"vfio-pci\", \"group\": 21",
                "\"driver\": \"mlx5_vfio_pci\", \"vfioVariant\": true, \"group\": 21"),
            "seed.json");
    assertThat(s.topology().function(Bdf.parse("0000:02:00.1")).orElseThrow().driver().isVfio())
        .isTrue();
  }

  @Test
  void expectationStructureIsCheckedAtLoad() {
    assertThat(
            fail(SEED.replace(
                    "\"caller\": {\"device\": \"0000:02:00.0\"}",
                    "\"caller\": {\"device\": \"0000:02:00.0\", \"fd\": 4}"))
                .problem())
        .isEqualTo("name the caller by \"device\" or by \"holder\" and \"fd\", not both");
    assertThat(
            fail(SEED.replace("\"info\": {}", "\"info\": {}, \"reset\": {\"empty\": true}"))
                .problem())
        .startsWith("an expectation makes exactly one call");
    assertThat(
            fail(SEED.replace("\"flags\": [\"DEV_ID\"]", "\"flags\": [\"DEV_ID\"], \"reset\": []"))
                .problem())
        .isEqualTo("\"reset\" is not part of INFO's result");
    assertThat(fail(SEED.replace("\"flags\": [\"DEV_ID\"]", "\"errno\": \"EINVLA\"")).problem())
        .isEqualTo("\"EINVLA\" is not a known errno; did you mean \"EINVAL\"?");
  }

  @Test
  void emptyFileAndNonObjectSayWhatAScenarioIs() {
    assertThat(fail("").problem()).startsWith("the file is empty");
    assertThat(fail("[1, 2]").problem()).isEqualTo("a scenario is a JSON object, found an array");
    assertThat(fail("{}").problem()).isEqualTo("missing field \"format\"");
  }

  @Test
  void fileProblemsNameTheFile(@TempDir Path dir) throws Exception {
    ScenarioException missing =
        catchThrowableOfType(
            ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("nope.json")));
    assertThat(missing.getMessage()).isEqualTo(dir.resolve("nope.json") + ": no such file");
    ScenarioException directory =
        catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(dir));
    assertThat(directory.getMessage()).endsWith("is a directory, not a scenario file");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": 1,\n \"buses\": 7}");
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(bad));
    assertThat(e.getMessage())
        .isEqualTo(bad + ":2:11: $.buses: expected an array, found a whole number");
  }

  private static ScenarioException fail(String json) {
    ScenarioException e =
        catchThrowableOfType(
            ScenarioException.class, () -> ScenarioLoader.parse(json, "seed.json"));
    assertThat(e).as("expected the loader to refuse the document").isNotNull();
    return e;
  }
}
