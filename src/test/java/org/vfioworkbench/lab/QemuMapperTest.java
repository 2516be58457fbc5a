package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;

class QemuMapperTest {

  @Test
  void seedCardBecomesAMultifunctionE1000eBehindARootPortWithoutHotplug() {
    GuestLayout l = QemuMapper.map(LabFixtures.seed());

    assertThat(l.unexpressible()).isEmpty();
    assertThat(l.deviceArgs())
        .containsExactly(
            "pcie-root-port,id=rp1,bus=pcie.0,addr=0x1c.0,chassis=1,slot=1,hotplug=off",
            "e1000e,bus=rp1,addr=0x0.0,multifunction=on",
            "e1000e,bus=rp1,addr=0x0.1");
    assertThat(l.functions())
        .extracting(PlacedFunction::bdf, PlacedFunction::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Bdf.parse("00:1c.0"), List.of(0xe0)),
            org.assertj.core.groups.Tuple.tuple(Bdf.parse("02:00.0"), List.of(0xe0, 0)),
            org.assertj.core.groups.Tuple.tuple(Bdf.parse("02:00.1"), List.of(0xe0, 1)));
  }

  @Test
  void resettableSlotTurnsHotplugOn() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .bus("0000:05", "0000:00:1c.0")
            .slot("5", "0000:05", 0, true)
            .function("0000:00:1c.0", f -> f.bridge().group(10))
            .function("0000:05:00.0", f -> f.vfio().group(50))
            .build();

    assertThat(QemuMapper.map(t).deviceArgs().get(0)).endsWith("hotplug=on");
  }

  @Test
  void functionsSharingAGroupUseTheDeviceWithoutAcs() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .bus("0000:02", "0000:00:1c.0")
            .function("0000:00:1c.0", f -> f.bridge().group(10))
            .function("0000:02:00.0", f -> f.vfio().group(20))
            .function("0000:02:00.1", f -> f.nativeDriver("snd_hda_intel").group(20))
            .build();

    assertThat(QemuMapper.map(t).deviceArgs())
        .containsExactly(
            "pcie-root-port,id=rp1,bus=pcie.0,addr=0x1c.0,chassis=1,slot=1,hotplug=off",
            "e1000,bus=rp1,addr=0x0.0,multifunction=on",
            "e1000,bus=rp1,addr=0x0.1");
  }

  @Test
  void nativeFunctionsInGroupsOfTheirOwnKeepTheirStandInsDriver() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .bus("0000:15", "0000:00:08.1")
            .function("0000:00:08.1", f -> f.bridge().group(8))
            .function("0000:15:00.0", f -> f.vfio().group(32))
            .function("0000:15:00.3", f -> f.nativeDriver("xhci_hcd").group(30))
            .function("0000:15:00.4", f -> f.nativeDriver("xhci_hcd").group(31))
            .build();

    GuestLayout l = QemuMapper.map(t);

    assertThat(l.unexpressible()).isEmpty();
    assertThat(l.deviceArgs())
        .containsExactly(
            "e1000e,bus=pcie.0,addr=0x8.0,multifunction=on",
            "pcie-root-port,id=rp1,bus=pcie.0,addr=0x8.1,chassis=1,slot=1,hotplug=off",
            "e1000e,bus=rp1,addr=0x0.0,multifunction=on",
            "e1000e,bus=rp1,addr=0x0.3",
            "e1000e,bus=rp1,addr=0x0.4");
    assertThat(l.functions())
        .extracting(PlacedFunction::want)
        .containsExactly("bridge", "vfio-pci", "native", "native");
  }

  @Test
  void twoSharedGroupsInOneDeviceCannotBeBuilt() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .bus("0000:02", "0000:00:1c.0")
            .function("0000:00:1c.0", f -> f.bridge().group(10))
            .function("0000:02:00.0", f -> f.vfio().group(20))
            .function("0000:02:00.1", f -> f.vfio().group(20))
            .function("0000:02:00.2", f -> f.vfio().group(21))
            .function("0000:02:00.3", f -> f.vfio().group(21))
            .build();

    assertThat(QemuMapper.map(t).unexpressible())
        .singleElement()
        .asString()
        .contains("share more than one IOMMU group");
  }

  @Test
  void saysWhatItCannotBuildAndWhy() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .bus("0000:02", "0000:00:1c.0")
            .function("0000:00:1c.0", f -> f.bridge().group(10))
            .function("0000:02:00.0", f -> f.vfio().group(20).quirk(Quirk.NO_BUS_RESET))
            .function("0000:02:01.0", f -> f.vfio().group(21))
            .function("0000:02:00.2", f -> f.vfio().group(22).virtfnOf("0000:02:00.0"))
            .build();

    assertThat(QemuMapper.map(t).unexpressible())
        .anyMatch(p -> p.startsWith("0000:02:00.0: PCI quirks"))
        .anyMatch(p -> p.startsWith("0000:02:00.0: SR-IOV physical functions"))
        .anyMatch(p -> p.startsWith("0000:02:00.2: SR-IOV virtual functions"))
        .anyMatch(p -> p.startsWith("0000:02:01.0: behind a PCIe root port only device 00"));
  }

  @Test
  void aRootBusFunctionWhereQ35KeepsItsOwnMovesToAFreeAddress() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .function("0000:00:1f.0", f -> f.vfio().group(5))
            .build();

    GuestLayout l = QemuMapper.map(t);

    assertThat(l.unexpressible()).isEmpty();
    assertThat(l.deviceArgs()).containsExactly("e1000e,bus=pcie.0,addr=0x2.0");
    assertThat(l.functions().get(0).path()).containsExactly(0x10);
    assertThat(l.freeRootSlot()).isEqualTo(0x1e);
  }

  @Test
  void groupFilesOfAnotherHoldersContainerCannotBeReplayed() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .bus("0000:02", "0000:00:1c.0")
            .function("0000:00:1c.0", f -> f.bridge().group(10))
            .function("0000:02:00.0", f -> f.vfio().group(20))
            .holder("a", h -> h.container(3, "c1"))
            .holder("b", h -> h.group(3, 20, "c1"))
            .build();

    assertThat(QemuMapper.map(t).unexpressible())
        .anyMatch(p -> p.contains("b fd 3") && p.contains("another holder"));
  }

  private static Topology sample(String name) throws Exception {
    return org.vfioworkbench.scenario.ScenarioLoader.load(
            java.nio.file.Path.of("sample-topologies", name))
        .topology();
  }

  @Test
  void quirksTheIdsImplyOnTheLabKernelCannotBeExpressed() throws Exception {
    assertThat(QemuMapper.map(sample("s24-no-bus-reset-quirk.json")).unexpressible())
        .anySatisfy(p -> assertThat(p).contains("NO_BUS_RESET").contains("derived from its ids"));
  }

  @Test
  void aGroupSpanningRootPortsAndTheirEndpointsCannotBeExpressed() throws Exception {
    assertThat(QemuMapper.map(sample("s40-gpu-group-with-host-nvme.json")).unexpressible())
        .anySatisfy(p -> assertThat(p).startsWith("IOMMU group 1 spans the devices"));
    assertThat(QemuMapper.map(LabFixtures.seed()).unexpressible()).isEmpty();
  }
}
