package org.vfioworkbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Consumer;
import org.vfioworkbench.model.Holder;

class HolderConsumerFieldTest {

  private static final String BASE =
      """
      {"format": 1,
       "buses": [{"bus": "0000:00"}, {"bus": "0000:02", "bridge": "0000:00:1c.0"}],
       "functions": [
         {"bdf": "0000:00:1c.0", "header": "bridge", "driver": "pcieport", "group": 10},
         {"bdf": "0000:02:00.0", "driver": "vfio-pci", "group": 20}],
       "holders": [{"name": "qemu", %s "files": []}]}
      """;

  @Test
  void aHolderSaysWhichConsumerItIsAndItsVm() throws Exception {
    Scenario s =
        ScenarioLoader.parse(
            BASE.formatted("\"consumer\": \"qemu-iommufd\", \"vm\": \"win11\","), "t.json");
    Holder h = s.topology().holder("qemu").orElseThrow();
    assertEquals(new Consumer(Consumer.Kind.QEMU_IOMMUFD, Optional.of("win11")), h.consumer());
    String written = ScenarioWriter.toJson(s);
    assertTrue(written.contains("\"consumer\""), written);
    assertEquals(
        h.consumer(),
        ScenarioLoader.parse(written, "again.json")
            .topology()
            .holder("qemu")
            .orElseThrow()
            .consumer());
  }

  @Test
  void withoutTheFieldTheConsumerIsUnknownAndNotWritten() throws Exception {
    Scenario s = ScenarioLoader.parse(BASE.formatted(""), "t.json");
    assertEquals(Consumer.UNKNOWN, s.topology().holder("qemu").orElseThrow().consumer());
    assertTrue(!ScenarioWriter.toJson(s).contains("consumer"));
  }

  @Test
  void anUnknownConsumerIsBadInputNamingThePlace() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.parse(BASE.formatted("\"consumer\": \"qemu-vfio\","), "t.json"));
    assertTrue(e.getMessage().contains("$.holders[0].consumer"), e.getMessage());
    assertTrue(e.getMessage().contains("qemu-legacy, qemu-iommufd, process"), e.getMessage());
  }

  @Test
  void everyBundledSampleStillLoads() throws Exception {
    for (Path p : SampleFiles.all()) {
      ScenarioLoader.load(p);
    }
  }
}
