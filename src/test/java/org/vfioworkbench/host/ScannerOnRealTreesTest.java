package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.HeaderType;
import org.vfioworkbench.model.PciBus;

/**
 * What real machines' sysfs trees contain and small hand-made hosts do not: bridges left out of
 * {@code /sys/bus/pci/devices}, PCI domains above {@code 0xffff}, CardBus bridges, bridges without
 * {@code pci_bus/}, absent versus empty {@code reset_method}, trees without IOMMU groups. Every
 * fact the scan had to infer or could not find is a note.
 */
class ScannerOnRealTreesTest {

  @TempDir Path root;

  private ScanResult scan(HostTree tree) {
    return new HostScanner(new LiveFs(tree.root())).scan();
  }

  private static Map<BusAddress, PciBus> buses(ScanResult s) {
    return s.topology().buses().stream()
        .collect(Collectors.toMap(PciBus::address, Function.identity()));
  }

  private static BusAddress bus(String text) {
    return BusAddress.parse(text);
  }

  @Test
  void aFunctionBehindAnUnlistedBridgeHangsBelowTheNearestListedBridgeWithANote() {
    HostTree t = new HostTree(root);
    t.fn("0000:5d:02.0", null).ids(0x8086, 0x2032, 0x060400).bridge("0000:5e", 0x60);
    t.fn("0000:5e:00.0", "0000:5d:02.0").ids(0x8086, 0x37c0, 0x060400).bridge("0000:5f", 0x60);
    t.fn("0000:5f:03.0", "0000:5e:00.0").ids(0x8086, 0x37c5, 0x060400).bridge("0000:60", 0x60);
    t.fn("0000:60:00.0", "0000:5f:03.0").ids(0x8086, 0x37d2, 0x020000);
    t.unlist("0000:5f:03.0");

    ScanResult s = scan(t);

    assertThat(s.topology().functions())
        .extracting(f -> f.bdf().toString())
        .containsExactly("0000:5d:02.0", "0000:5e:00.0", "0000:60:00.0");
    assertThat(buses(s).get(bus("0000:60")).bridge()).contains(Bdf.parse("0000:5e:00.0"));
    assertThat(buses(s).get(bus("0000:5f")).bridge()).contains(Bdf.parse("0000:5e:00.0"));
    assertThat(s.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("0000:5f:03.0")
                    .contains("not in /sys/bus/pci/devices")
                    .contains("0000:60:00.0")
                    .contains("below 0000:5e:00.0"));
  }

  @Test
  void aDomainAbove0xffffIsScannedLikeAnyOther() {
    HostTree t = new HostTree(root);
    t.fn("0000:00:00.0", null).ids(0x8086, 0x1237, 0x060000);
    t.fn("10000:00:00.0", null).ids(0x8086, 0x1237, 0x060000);
    t.fn("10000:00:04.0", null).ids(0x1af4, 0x1001, 0x010000);

    ScanResult s = scan(t);

    assertThat(s.problems()).isEmpty();
    assertThat(s.topology().functions())
        .extracting(f -> f.bdf().toString())
        .containsExactly("0000:00:00.0", "10000:00:00.0", "10000:00:04.0");
    assertThat(buses(s).get(bus("10000:00")).hasNoUpstreamBridge()).isTrue();
    assertThat(Bdf.parse("10000:00:04.0").segment()).isEqualTo(0x10000);
  }

  @Test
  void aCardBusBridgesSecondaryBusIsABusBelowIt() {
    HostTree t = new HostTree(root);
    t.fn("0000:00:1e.0", null).ids(0x8086, 0x2448, 0x060401).bridge("0000:02", 0x03);
    t.fn("0000:02:01.0", "0000:00:1e.0").ids(0x1180, 0x0476, 0x060700).cardbus("0000:03");

    ScanResult s = scan(t);

    assertThat(s.topology().function(Bdf.parse("02:01.0")).orElseThrow().headerType())
        .isEqualTo(HeaderType.CARDBUS);
    assertThat(buses(s).get(bus("0000:03")).bridge()).contains(Bdf.parse("0000:02:01.0"));
  }

  @Test
  void aBridgeWithoutPciBusTakesItsSecondaryBusFromConfigSpaceAndSaysSo() {
    HostTree t = new HostTree(root);
    HostTree.Fn port =
        t.fn("0000:00:1c.0", null).ids(0x8086, 0xa110, 0x060400).bridge("0000:04", 0x04);
    t.remove(port.dir() + "/pci_bus");

    ScanResult s = scan(t);

    assertThat(buses(s).get(bus("0000:04")).bridge()).contains(Bdf.parse("0000:00:1c.0"));
    assertThat(s.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("0000:00:1c.0")
                    .contains("no pci_bus/")
                    .contains("0000:04")
                    .contains("config space"));
  }

  @Test
  void aBridgeWithNeitherPciBusNorConfigIsNotedAsUnknown() {
    HostTree t = new HostTree(root);
    HostTree.Fn port =
        t.fn("0000:00:1c.0", null).ids(0x8086, 0xa110, 0x060400).bridge("0000:04", 0x04);
    t.remove(port.dir() + "/pci_bus").remove(port.dir() + "/config");

    ScanResult s = scan(t);

    assertThat(buses(s)).doesNotContainKey(bus("0000:04"));
    assertThat(s.notes())
        .anySatisfy(n -> assertThat(n).contains("0000:00:1c.0").contains("secondary bus unknown"));
  }

  @Test
  void absentAndEmptyResetMethodAreToldApart() {
    HostTree t = new HostTree(root);
    t.fn("0000:00:02.0", null).ids(0x8086, 0x1234, 0x030000).resetMethod("flr bus");
    t.fn("0000:00:03.0", null).ids(0x8086, 0x1235, 0x020000).resetMethod("");
    t.fn("0000:00:04.0", null).ids(0x8086, 0x1236, 0x020000);

    ScanResult s = scan(t);

    assertThat(s.functions().get(Bdf.parse("00:02.0")).resetMethod())
        .contains(java.util.List.of("flr", "bus"));
    assertThat(s.functions().get(Bdf.parse("00:03.0")).resetMethod()).contains(java.util.List.of());
    assertThat(s.functions().get(Bdf.parse("00:04.0")).resetMethod()).isEmpty();
    assertThat(s.notes())
        .anySatisfy(
            n -> assertThat(n).startsWith("0000:00:03.0").contains("reset_method is empty"));
    assertThat(s.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("no reset_method attribute")
                    .contains("0000:00:04.0")
                    .doesNotContain("0000:00:03.0"));
  }

  @Test
  void emptyRootPortsWithoutPciBusShareOneNote() {
    // A server's empty root ports: a copy of sysfs without pci_bus/ or config says nothing of
    // their secondary buses. One note names them all, so the rest of the notes stay readable.
    HostTree t = new HostTree(root);
    java.util.List<String> ports =
        java.util.List.of("0000:00:02.6", "0000:00:02.7", "0000:00:03.0");
    for (int i = 0; i < ports.size(); i++) {
      HostTree.Fn p =
          t.fn(ports.get(i), null).ids(0x1b36, 0x000c, 0x060400).bridge("0000:0" + (i + 2), i + 2);
      t.remove(p.dir() + "/pci_bus").remove(p.dir() + "/config");
    }

    ScanResult s = scan(t);

    assertThat(s.notes())
        .filteredOn(n -> n.contains("secondary bus unknown"))
        .containsExactly(
            "3 bridges (0000:00:02.6, 0000:00:02.7, 0000:00:03.0): secondary bus unknown (no"
                + " pci_bus/ directory nor config)");
  }

  @Test
  void aTreeWithoutIommuGroupsDoesNotClaimTheKernelLacksThem() {
    HostTree t = new HostTree(root);
    t.fn("0000:00:02.0", null).ids(0x8086, 0x1234, 0x030000);
    t.remove("/sys/kernel/iommu_groups");

    ScanResult s = scan(t);

    assertThat(s.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains(
                        "/sys/kernel/iommu_groups is not in directory " + root.toAbsolutePath())
                    .contains("groups unknown"));
    assertThat(s.notes()).noneSatisfy(n -> assertThat(n).endsWith("has no IOMMU group support"));
  }

  @Test
  void groupsReadFromTheFunctionsOwnLinksAreShownAndSaidToComeFromThem() {
    // A tree copied link by link (a snapshot of /sys/bus and /sys/devices): each function keeps
    // its iommu_group link, but the directories they point to were not copied.
    HostTree t = new HostTree(root);
    t.fn("0000:00:02.0", null).ids(0x8086, 0x1234, 0x030000).group(0);
    t.fn("0000:00:14.0", null).ids(0x8086, 0x51ed, 0x0c0330).group(9);
    t.fn("0000:00:14.2", null).ids(0x8086, 0x51ef, 0x050000).group(9);
    t.remove("/sys/kernel/iommu_groups");

    ScanResult s = scan(t);

    assertThat(s.topology().functions())
        .extracting(f -> f.iommuGroup().getAsInt())
        .containsExactly(0, 9, 9);
    assertThat(s.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains(
                        "/sys/kernel/iommu_groups is not in directory " + root.toAbsolutePath())
                    .contains("the 2 IOMMU groups shown come from the functions' own iommu_group"));
    assertThat(s.notes())
        .as("no note contradicts the groups shown")
        .noneSatisfy(n -> assertThat(n).contains("without groups"));
  }

  @Test
  void aTreeWithoutDevSaysTheVfioNodesAreUnknownNotThatVfioIsUnloaded() {
    HostTree t = new HostTree(root);
    t.fn("0000:00:02.0", null).ids(0x8086, 0x1234, 0x030000).group(0);

    ScanResult s = scan(t);

    assertThat(root.resolve("dev")).doesNotExist();
    assertThat(s.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("/dev is not in directory " + root.toAbsolutePath())
                    .contains("VFIO group and device nodes unknown"));
    assertThat(s.notes()).noneSatisfy(n -> assertThat(n).contains("module is not loaded"));
    assertThat(s.notes())
        .anySatisfy(n -> assertThat(n).startsWith("device cdev support unknown (no /dev/vfio"));
  }

  @Test
  void aTreeWithDevButNoDevVfioSaysVfioWasNotLoadedOrLeftOut() {
    HostTree t = new HostTree(root);
    t.fn("0000:00:02.0", null).ids(0x8086, 0x1234, 0x030000).group(0);
    t.write("/dev/null", "");

    ScanResult s = scan(t);

    assertThat(s.notes())
        .contains(
            "/dev/vfio is not in directory "
                + root.toAbsolutePath()
                + ": the vfio module was not loaded (or the tree left it out)");
  }

  @Test
  void aTreeWithoutProcSaysHoldersAreUnknownInANote() {
    HostTree t = new HostTree(root);
    t.fn("0000:00:02.0", null).ids(0x8086, 0x1234, 0x030000).group(0);
    t.remove("/proc");

    ScanResult s = scan(t);

    assertThat(s.problems()).noneSatisfy(p -> assertThat(p.path()).isEqualTo("/proc"));
    assertThat(s.notes())
        .contains(
            "/proc is not in directory "
                + root.toAbsolutePath()
                + ": processes unknown (the tree left /proc out), so no holders are shown");
  }
}
