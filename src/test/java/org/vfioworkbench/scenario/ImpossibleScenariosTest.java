package org.vfioworkbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Scenario files describing what cannot exist are refused with the kernel-style reason and the JSON
 * path (issue 15), instead of being evaluated as if legal.
 */
class ImpossibleScenariosTest {

  /** Root port 00:1c.0 leading to bus 02 with one vfio function; {@code %s} are replaced. */
  private static String scenario(String bus02, String slots, String holders) {
    return "{\"format\": 1, \"buses\": [{\"bus\": \"0000:00\"}, "
        + bus02
        + "],"
        + " \"slots\": ["
        + slots
        + "],"
        + " \"functions\": ["
        + "{\"bdf\": \"0000:00:1c.0\", \"header\": \"bridge\", \"driver\": \"pcieport\","
        + " \"group\": 1},"
        + "{\"bdf\": \"0000:02:00.0\", \"driver\": \"vfio-pci\", \"group\": 2}],"
        + " \"holders\": ["
        + holders
        + "]}";
  }

  private static final String BUS02 = "{\"bus\": \"0000:02\", \"bridge\": \"0000:00:1c.0\"}";
  private static final String QEMU =
      "{\"name\": \"q\", \"pid\": 10, \"files\": ["
          + "{\"fd\": 3, \"container\": \"c\"}, {\"fd\": 4, \"group\": 2, \"container\": \"c\"},"
          + " {\"fd\": 5, \"device\": \"0000:02:00.0\"}]}";

  private static void assertRefused(String json, String path, String... words) {
    assertThatThrownBy(() -> ScenarioLoader.parse(json, "s.json"))
        .isInstanceOf(ScenarioException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains(path);
              for (String w : words) {
                assertThat(e.getMessage()).contains(w);
              }
            });
  }

  @Test
  void theBaseScenarioLoads() throws Exception {
    assertThat(ScenarioLoader.parse(scenario(BUS02, "", QEMU), "s.json").topology().holders())
        .hasSize(1);
  }

  @Test
  void anExplicitNullBridgeIsRefusedNotReadAsARootBus() {
    assertRefused(
        scenario("{\"bus\": \"0000:02\", \"bridge\": null}", "", QEMU),
        "$.buses[1].bridge",
        "null is not a value here");
  }

  @Test
  void anExplicitNullIommufdIsRefusedNotReadAsUnbound() {
    assertRefused(
        scenario(
            BUS02,
            "",
            "{\"name\": \"q\", \"files\": [{\"fd\": 3, \"iommufd\":"
                + " \"A\"}, {\"fd\": 4, \"cdev\": \"0000:02:00.0\", \"iommufd\": null}]}"),
        "$.holders[0].files[1].iommufd",
        "null is not a value here");
  }

  @Test
  void addressesWithSpacesOrNulAreRefused() {
    assertRefused(
        scenario(
            BUS02,
            "",
            QEMU.replace("\"device\": \"0000:02:00.0\"", "\"device\": \" 0000:02:00.0\"")),
        "$.holders[0].files[2].device",
        "spaces or control");
    assertRefused(
        scenario(
            BUS02,
            "",
            QEMU.replace("\"device\": \"0000:02:00.0\"", "\"device\": \"0000:02:00.0\\u0000\"")),
        "$.holders[0].files[2].device",
        "spaces or control");
    assertRefused(
        scenario("{\"bus\": \"0000:02 \", \"bridge\": \"0000:00:1c.0\"}", "", QEMU),
        "$.buses[1].bus",
        "spaces or control");
  }

  @Test
  void aSecondaryBusInAnotherSegmentIsRefused() {
    String json =
        scenario(BUS02, "", QEMU)
            .replace(
                "{\"bus\": \"0000:00\"}, ",
                "{\"bus\": \"0000:00\"}, {\"bus\": \"0001:05\", \"bridge\": \"0000:02:00.0\"}, ")
            .replace(
                "{\"bdf\": \"0000:02:00.0\", \"driver\": \"vfio-pci\", \"group\": 2}",
                "{\"bdf\": \"0000:02:00.0\", \"driver\": \"vfio-pci\", \"group\": 2},"
                    + " {\"bdf\": \"0000:02:01.0\", \"header\": \"bridge\", \"group\": 3}")
            .replace("0000:02:00.0\"}, ", "0000:02:01.0\"}, ");
    assertRefused(json, "$.buses[1].bridge", "segment");
  }

  @Test
  void aSecondaryBusBelowTheBridgesOwnBusIsRefused() {
    String json =
        scenario(
                "{\"bus\": \"0000:02\", \"bridge\": \"0000:00:1c.0\"},"
                    + " {\"bus\": \"0000:01\", \"bridge\": \"0000:02:01.0\"}",
                "",
                QEMU)
            .replace(
                "{\"bdf\": \"0000:02:00.0\", \"driver\": \"vfio-pci\", \"group\": 2}",
                "{\"bdf\": \"0000:02:00.0\", \"driver\": \"vfio-pci\", \"group\": 2},"
                    + " {\"bdf\": \"0000:02:01.0\", \"header\": \"bridge\", \"group\": 3}");
    assertRefused(json, "$.buses[2].bridge", "higher than the bus the bridge sits on");
  }

  @Test
  void aResetCapableSlotOnARootBusIsRefused() {
    assertRefused(
        scenario(
            BUS02,
            "{\"name\": \"1\", \"bus\": \"0000:00\", \"device\": 28," + " \"reset\": true}",
            QEMU),
        "$.slots[0].reset",
        "root bus");
  }

  @Test
  void twoHoldersWithOnePidAreRefused() {
    assertRefused(
        scenario(
            BUS02,
            "",
            QEMU
                + ", {\"name\": \"other\", \"pid\": 10, \"files\":"
                + " [{\"fd\": 3, \"other\": \"anon_inode:[eventfd]\"}]}"),
        "$.holders[1].pid",
        "pid 10 is already the pid of $.holders[0]");
  }

  @Test
  void aNoIommuContainerWithoutNoIommuModeIsRefused() {
    assertRefused(
        scenario(
            BUS02,
            "",
            QEMU.replace(
                "{\"fd\": 3, \"container\": \"c\"}",
                "{\"fd\": 3, \"container\": \"c\", \"type\": \"noiommu\"}")),
        "$.holders[0].files[0].type",
        "no-IOMMU mode");
  }

  @Test
  void twoCdevsWithOneDevidInOneIommufdAreRefused() throws Exception {
    String json =
        "{\"format\": 1, \"buses\": [{\"bus\": \"0000:00\"}, "
            + BUS02
            + "], \"functions\": ["
            + "{\"bdf\": \"0000:00:1c.0\", \"header\": \"bridge\", \"driver\": \"pcieport\","
            + " \"group\": 1},"
            + "{\"bdf\": \"0000:02:00.0\", \"driver\": \"vfio-pci\", \"group\": 2},"
            + "{\"bdf\": \"0000:02:00.1\", \"driver\": \"vfio-pci\", \"group\": 3}],"
            + " \"holders\": [{\"name\": \"q\", \"pid\": 10, \"files\": ["
            + "{\"fd\": 3, \"iommufd\": \"A\"},"
            + " {\"fd\": 4, \"cdev\": \"0000:02:00.0\", \"iommufd\": \"A\", \"devid\": 1},"
            + " {\"fd\": 5, \"cdev\": \"0000:02:00.1\", \"iommufd\": \"A\", \"devid\": %d}]}]}";

    assertThat(ScenarioLoader.parse(String.format(json, 2), "s.json").topology().holders())
        .hasSize(1);
    assertRefused(
        String.format(json, 1), "$.holders[0].files[2]", "devid 1 of iommufd A is 0000:02:00.0's");
  }
}
