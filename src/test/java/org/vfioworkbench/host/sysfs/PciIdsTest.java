package org.vfioworkbench.host.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses the pci.ids format and formats names with lspci's fallbacks for unknown ids. */
class PciIdsTest {

  private static final String SAMPLE =
      String.join(
          "\n",
          "# comment",
          "",
          "1af4  Red Hat, Inc.",
          "\t1000  Virtio network device",
          "\t\t01de fffb  Propolis Virtio network device",
          "# a comment inside a vendor",
          "\t1045  Virtio 1.0 memory balloon",
          "8086  Intel Corporation",
          "\t37d2  Ethernet Connection X722 for 10GBASE-T",
          "\t\t8086 0001  Ethernet Network Adapter X722-4",
          "C 00  Unclassified device [ZZ]",
          "\t05  Non-VGA unclassified device",
          "C 02  Network controller",
          "\t00  Ethernet controller",
          "\t\t00  a programming interface, ignored",
          "C 0b  Processor",
          "");

  private final PciIds ids = PciIds.parse("sample", SAMPLE);

  @Test
  void vendorsDevicesAndSubsystems() {
    assertThat(ids.vendorName(0x1af4)).isEqualTo("Red Hat, Inc.");
    assertThat(ids.deviceName(0x1af4, 0x1045)).isEqualTo("Virtio 1.0 memory balloon");
    assertThat(ids.subsystemName(0x1af4, 0x1000, 0x01de, 0xfffb))
        .isEqualTo("Propolis Virtio network device");
    assertThat(ids.subsystemName(0x8086, 0x37d2, 0x8086, 0x0001))
        .isEqualTo("Ethernet Network Adapter X722-4");
    assertThat(ids.subsystemName(0x8086, 0x37d2, 0x8086, 0x37d2))
        .as("subsystem ids equal to the device's take the device's name")
        .isEqualTo("Ethernet Connection X722 for 10GBASE-T");
    assertThat(ids.source()).isEqualTo("sample");
  }

  @Test
  void unknownIdsFallBackToNumbersAsLspciDoes() {
    assertThat(ids.vendorName(0x1bcf)).isEqualTo("Vendor 1bcf");
    assertThat(ids.subsystemVendorName(0x1bcf)).isEqualTo("Unknown vendor 1bcf");
    assertThat(ids.deviceName(0x8086, 0x37c0)).isEqualTo("Device 37c0");
    assertThat(ids.device(0x8086, 0x37c0)).isEmpty();
    assertThat(ids.subsystemName(0x8086, 0x37d2, 0x8086, 0x0002)).isEqualTo("Device 0002");
    assertThat(ids.className(0x0b4000)).isEqualTo("Processor [0b40]");
    assertThat(ids.className(0x120000)).isEqualTo("Class 1200");
  }

  @Test
  void fallbackNumbersAreWrittenAsPercent04xWritesThem() {
    for (int v : new int[] {0, 0x7, 0xab, 0x1bcf, 0xffff, 0x10000, 0x7fffffff, -1}) {
      assertThat(PciIds.hex4(v)).isEqualTo(String.format("%04x", v));
      assertThat(ids.vendorName(v)).isEqualTo(String.format("Vendor %04x", v));
    }
    assertThat(ids.subsystemVendorName(0x00ab)).isEqualTo("Unknown vendor 00ab");
    assertThat(ids.className(0x0b4000)).isEqualTo("Processor [0b40]");
    assertThat(PciClassNames.name(0xfe1200, PciIds.none())).isEqualTo("class 0xfe12");
  }

  @Test
  void classesAndSubclasses() {
    assertThat(ids.className(0x020000)).isEqualTo("Ethernet controller");
    assertThat(ids.className(0x000500)).isEqualTo("Non-VGA unclassified device");
    assertThat(ids.subclass(0x020000)).contains("Ethernet controller");
    assertThat(ids.subclass(0x020100)).isEmpty();
    assertThat(PciClassNames.name(0x020000, ids)).isEqualTo("Ethernet controller");
    assertThat(PciClassNames.name(0x030000, ids))
        .as("built-in list when the database lacks it")
        .isEqualTo("VGA compatible controller");
  }

  @Test
  void theSystemCopyComesFirstAndTheBundledCopyStandsInForAMissingOne() throws Exception {
    String system =
        PciIds.SYSTEM_COPIES.stream()
            .filter(p -> Files.isReadable(Path.of(p)))
            .findFirst()
            .orElse(null);
    assumeTrue(system != null, "no system pci.ids here, so the build bundled none either");
    PciIds fromSystem = PciIds.load(List.of("/nonexistent/pci.ids", system));
    assertThat(fromSystem.source()).isEqualTo(system);
    assertThat(fromSystem.vendorName(0x8086)).isEqualTo("Intel Corporation");

    PciIds bundled = PciIds.load(List.of("/nonexistent/pci.ids"));

    assertThat(bundled.source()).isEqualTo("pci.ids bundled with the workbench");
    assertThat(bundled.deviceName(0x1af4, 0x1045)).isEqualTo(fromSystem.deviceName(0x1af4, 0x1045));
  }

  @Test
  void aDatabaseWithNoNamesSaysSo() {
    assertThat(PciIds.none().isEmpty()).isTrue();
    assertThat(PciIds.none().deviceName(0x8086, 0x1234)).isEqualTo("Device 1234");
    assertThat(ids.isEmpty()).isFalse();
  }

  @Test
  void aVendorsDeviceLinesAreReadOnlyWhereItsSectionsAre() {
    PciIds twice =
        PciIds.parse(
            "twice",
            String.join(
                "\n",
                "1af4  Red Hat, Inc.",
                "\t1000  Virtio network device",
                "",
                "\t\t01de fffb  Propolis Virtio network device",
                "8086  Intel Corporation",
                "\t1000  Not Red Hat's 1000",
                "X 01  another kind of section",
                "\t1041  not a device of anyone",
                "1af4  Red Hat, Inc. (again)",
                "\t1041  Virtio 1.0 network device",
                "\t1000  Virtio network device, renamed",
                "C 02  Network controller",
                "\t1042  a class section's line is no device"));
    assertThat(twice.vendorName(0x1af4))
        .as("the later vendor line wins")
        .isEqualTo("Red Hat, Inc. (again)");
    assertThat(twice.deviceName(0x1af4, 0x1041)).isEqualTo("Virtio 1.0 network device");
    assertThat(twice.deviceName(0x1af4, 0x1000)).isEqualTo("Virtio network device, renamed");
    assertThat(twice.subsystemName(0x1af4, 0x1000, 0x01de, 0xfffb))
        .as("a blank line inside a section does not end it")
        .isEqualTo("Propolis Virtio network device");
    assertThat(twice.deviceName(0x8086, 0x1000)).isEqualTo("Not Red Hat's 1000");
    assertThat(twice.deviceName(0x8086, 0x1041))
        .as("another section ends the vendor's")
        .isEqualTo("Device 1041");
    assertThat(twice.deviceName(0x1af4, 0x1042)).isEqualTo("Device 1042");
  }

  @Test
  void threadsLookingUpTheSameVendorAtOnceSeeItsWholeSection() throws Exception {
    Path file = Path.of("/usr/share/misc/pci.ids");
    assumeTrue(Files.isReadable(file), "needs the system's pci.ids");
    String text = Files.readString(file);
    for (int round = 0; round < 20; round++) {
      PciIds shared = PciIds.parse("shared", text);
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<String>> names = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
          names.add(
              pool.submit(
                  () ->
                      shared.deviceName(0x8086, 0x37d2)
                          + "|"
                          + shared.subsystemName(0x8086, 0x37d2, 0x8086, 0x0001)));
        }
        PciIds alone = PciIds.parse("alone", text);
        String expected =
            alone.deviceName(0x8086, 0x37d2)
                + "|"
                + alone.subsystemName(0x8086, 0x37d2, 0x8086, 0x0001);
        assertThat(expected).doesNotContain("Device 37d2");
        for (java.util.concurrent.Future<String> f : names) {
          assertThat(f.get()).isEqualTo(expected);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
