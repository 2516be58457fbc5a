package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.HeaderType;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.HotplugDriver;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Reads each fixture capture and checks the topology, groups, holders and the engine's outcomes
 * against what the fixture host means (expectations written by hand from the layout and the
 * reference rules, not produced by the scanner).
 */
class HostScannerFixturesTest {

  private static Map<BusAddress, PciBus> buses(Topology t) {
    return t.buses().stream().collect(Collectors.toMap(PciBus::address, Function.identity()));
  }

  private static PciFunction fn(Topology t, String bdf) {
    return t.function(Bdf.parse(bdf)).orElseThrow();
  }

  @Test
  void workstationGpuAndAudioSitBehindTheRootPortAndUsbOnTheRootBus() {
    ScanResult s = Fixtures.scan(FixtureHosts.WORKSTATION);
    Topology t = s.topology();
    assertThat(s.problems()).isEmpty();
    assertThat(t.functions()).hasSize(9);
    Map<BusAddress, PciBus> buses = buses(t);
    assertThat(buses.get(BusAddress.parse("0000:00")).bridge()).isEmpty();
    assertThat(buses.get(BusAddress.parse("0000:01")).bridge()).contains(Bdf.parse("00:01.0"));
    assertThat(buses.get(BusAddress.parse("0000:02")).bridge()).contains(Bdf.parse("00:1c.0"));
    assertThat(fn(t, "00:01.0").headerType()).isEqualTo(HeaderType.BRIDGE);
    assertThat(fn(t, "00:01.0").driver().kind()).isEqualTo(DriverKind.PCIEPORT);
    assertThat(fn(t, "01:00.0").classCode()).isEqualTo(0x030000);
    assertThat(fn(t, "01:00.0").vendorId()).isEqualTo(0x10de);
    assertThat(fn(t, "01:00.1").driver().isVfio()).isTrue();
    assertThat(fn(t, "00:14.0").driver().kind()).isEqualTo(DriverKind.NATIVE);
    assertThat(fn(t, "00:14.0").bdf().busAddress()).isEqualTo(BusAddress.parse("0000:00"));
    assertThat(fn(t, "00:00.0").driver().kind()).isEqualTo(DriverKind.NONE);
    assertThat(fn(t, "01:00.1").iommuGroup()).hasValue(1);
    assertThat(s.functions().get(Bdf.parse("01:00.0")).driverOverride()).contains("vfio-pci");
    assertThat(s.functions().get(Bdf.parse("02:00.0")).resetMethods())
        .containsExactly("flr", "bus");
    assertThat(s.functions().get(Bdf.parse("01:00.1")).vfioCdev()).contains("vfio1");
    assertThat(t.options().noIommuMode()).isFalse();
  }

  @Test
  void workstationQemuHoldsItsGroupAndBothDeviceFdsAndMayResetTheBus() {
    ScanResult s = Fixtures.scan(FixtureHosts.WORKSTATION);
    Topology t = s.topology();
    assertThat(t.holders()).extracting(Holder::name).containsExactly("qemu-system-x86[4242]");
    Holder q = t.holders().get(0);
    assertThat(q.pid()).isEqualTo(4242);
    assertThat(q.file(10))
        .get()
        .isInstanceOfSatisfying(
            GroupFile.class,
            g -> {
              assertThat(g.group()).isEqualTo(1);
              assertThat(g.inferred()).isTrue();
              assertThat(g.attachedTo())
                  .contains(DmaContextRef.container("qemu-system-x86[4242]:9"));
            });
    assertThat(
            q.files().stream()
                .filter(f -> f instanceof DeviceFile)
                .map(f -> ((DeviceFile) f).device().toString()))
        .containsExactly("0000:01:00.0", "0000:01:00.1");
    HolderProvenance p = s.provenance(q.name()).orElseThrow();
    assertThat(p.comm()).isEqualTo("qemu-system-x86");
    assertThat(p.uid()).hasValue(0);
    assertThat(p.cmdline()).contains("vfio-pci,host=0000:01:00.1");
    assertThat(p.inferredFor(11)).get().extracting(InferredFact::ambiguous).isEqualTo(true);

    Analysis a = Analysis.of(t);
    FdRef gpu = new FdRef(q.name(), 11);
    assertThat(a.info(gpu).ret()).isZero();
    assertThat(a.info(gpu).entries())
        .extracting(e -> e.bdf().toString())
        .containsExactly("0000:01:00.0", "0000:01:00.1");
    assertThat(a.hotReset(gpu, a.naturalReset(gpu).request()).ret()).isZero();
  }

  @Test
  void sriovServerNestsTheSwitchAndPutsMellanoxVfsOnAVirtualBus() {
    ScanResult s = Fixtures.scan(FixtureHosts.SRIOV_SERVER);
    Topology t = s.topology();
    Map<BusAddress, PciBus> buses = buses(t);
    assertThat(buses.get(BusAddress.parse("0000:01")).bridge()).contains(Bdf.parse("00:03.0"));
    assertThat(buses.get(BusAddress.parse("0000:02")).bridge()).contains(Bdf.parse("01:00.0"));
    assertThat(buses.get(BusAddress.parse("0000:03")).bridge()).contains(Bdf.parse("02:08.0"));
    assertThat(buses.get(BusAddress.parse("0000:04")).bridge()).contains(Bdf.parse("02:10.0"));
    assertThat(buses.get(BusAddress.parse("0000:05")).bridge()).isEmpty();
    assertThat(fn(t, "03:02.0").physfn()).contains(Bdf.parse("03:00.0"));
    assertThat(fn(t, "05:00.1").physfn()).contains(Bdf.parse("04:00.0"));
    assertThat(fn(t, "05:00.1").driver())
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(DriverKind.VFIO_PCI);
              assertThat(d.name()).isEqualTo("mlx5_vfio_pci");
            });
    assertThat(s.functions().get(Bdf.parse("03:00.0")).virtfns())
        .containsExactly(Bdf.parse("03:02.0"), Bdf.parse("03:02.1"));
    assertThat(t.slots())
        .extracting(
            sl -> sl.name() + "@" + sl.bus() + ":" + sl.device() + "=" + sl.resetSupported())
        .containsExactly("3@0000:03:0=true", "4@0000:04:0=false");
    assertThat(s.functions().get(Bdf.parse("03:00.1")).slot()).contains("3");
    assertThat(s.functions().get(Bdf.parse("03:02.0")).slot()).isEmpty();
    assertThat(t.slots())
        .extracting(sl -> sl.hotplug())
        .containsExactly(HotplugDriver.PCIEHP, HotplugDriver.NONE);
    assertThat(s.notes())
        .anyMatch(n -> n.contains("slot 3") && n.contains("hotplug driver pciehp"));
  }

  @Test
  void sriovServerVfResetsAreRefusedTheWayTheKernelRefusesThem() {
    Topology t = Fixtures.scan(FixtureHosts.SRIOV_SERVER).topology();
    Analysis a = Analysis.of(t);
    // A group-opened VF: the device fd is named by fdinfo (observed, not inferred).
    Holder vmA = t.holder("qemu-system-x86[7001]").orElseThrow();
    assertThat(vmA.file(22)).get().isEqualTo(new DeviceFile(22, Bdf.parse("03:02.0")));
    FdRef vf = new FdRef(vmA.name(), 22);
    // Bus 03 below 02:08.0 is resettable; INFO lists its four functions with their groups.
    assertThat(a.info(vf).ret()).isZero();
    assertThat(a.info(vf).entries())
        .extracting(e -> e.idLabel())
        .containsExactly("group 14", "group 15", "group 16", "group 17");
    // The VF is a singleton dev_set, so the i40e PF on its bus cannot be covered: -EINVAL.
    assertThat(a.hotReset(vf, a.naturalReset(vf).request()).retLabel()).isEqualTo("-EINVAL");
    // A VF on the virtual bus 05 has no upstream bridge and no slot: -ENODEV for both.
    Holder vmB = t.holder("qemu-system-x86[7002]").orElseThrow();
    assertThat(vmB.file(31))
        .get()
        .isInstanceOfSatisfying(
            CdevFile.class,
            c -> {
              assertThat(c.device()).isEqualTo(Bdf.parse("05:00.1"));
              assertThat(c.boundTo()).contains("qemu-system-x86[7002]:30");
              assertThat(c.inferred()).isTrue();
            });
    FdRef cdev = new FdRef(vmB.name(), 31);
    assertThat(a.info(cdev).retLabel()).isEqualTo("-ENODEV");
    assertThat(a.hotReset(cdev, a.naturalReset(cdev).request()).retLabel()).isEqualTo("-ENODEV");
  }

  @Test
  void noIommuHostHasAVfioNoiommuGroupAndANoiommuContainer() {
    ScanResult s = Fixtures.scan(FixtureHosts.NOIOMMU);
    Topology t = s.topology();
    assertThat(t.options().noIommuMode()).isTrue();
    assertThat(t.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.id()).isZero();
              assertThat(g.kind()).isEqualTo(GroupKind.NOIOMMU);
            });
    assertThat(fn(t, "01:00.1").iommuGroup()).isEmpty();
    assertThat(t.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.type()).isEqualTo(ContainerType.NOIOMMU));
    Holder h = t.holders().get(0);
    assertThat(h.name()).isEqualTo("dpdk-testpmd[3100]");
    assertThat(h.file(7)).get().isEqualTo(new DeviceFile(7, Bdf.parse("01:00.0")));
    assertThat(s.vfioNodes()).contains("/dev/vfio/noiommu-0");
    // The igb sibling on bus 01 has no IOMMU group: INFO in group mode fails with -EPERM.
    Analysis a = Analysis.of(t);
    assertThat(a.info(new FdRef(h.name(), 7)).retLabel()).isEqualTo("-EPERM");
  }

  @Test
  void mixedHostShowsTheSeedConflictAndAmbiguousIommufds() {
    ScanResult s = Fixtures.scan(FixtureHosts.MIXED_QEMU);
    Topology t = s.topology();
    Analysis a = Analysis.of(t);
    FdRef groupSide = new FdRef("qemu-system-x86[5001]", 17);
    FdRef cdevSide = new FdRef("qemu-system-x86[5002]", 19);
    FdRef nvme = new FdRef("qemu-system-x86[5002]", 21);
    // The group user cannot prove group 21; the cdev user's ictx does not own group 20.
    assertThat(a.hotReset(groupSide, a.naturalReset(groupSide).request()).retLabel())
        .isEqualTo("-EINVAL");
    assertThat(a.info(cdevSide).flags()).containsExactly(InfoFlag.DEV_ID);
    assertThat(a.info(cdevSide).entries())
        .extracting(e -> e.idLabel())
        .containsExactly("NOT_OWNED", "devid 1");
    assertThat(a.hotReset(cdevSide, a.naturalReset(cdevSide).request()).retLabel())
        .isEqualTo("-EINVAL");
    assertThat(a.hotReset(nvme, a.naturalReset(nvme).request()).ret()).isZero();
    HolderProvenance p = s.provenance("qemu-system-x86[5002]").orElseThrow();
    assertThat(p.inferredFor(19))
        .get()
        .satisfies(
            f -> {
              assertThat(f.ambiguous()).isTrue();
              assertThat(f.basis()).contains("2 iommufds");
            });
    assertThat(t.iommufds()).hasSize(2);
  }

  @Test
  void everyFixtureScansWithoutProblems() {
    for (String name :
        List.of(
            FixtureHosts.WORKSTATION,
            FixtureHosts.SRIOV_SERVER,
            FixtureHosts.NOIOMMU,
            FixtureHosts.MIXED_QEMU)) {
      assertThat(Fixtures.scan(name).problems()).as(name).isEmpty();
    }
  }

  @Test
  void holderNamesAreUniqueByPid() {
    Topology t = Fixtures.scan(FixtureHosts.MIXED_QEMU).topology();
    assertThat(t.holders())
        .extracting(Holder::name)
        .containsExactly("qemu-system-x86[5001]", "qemu-system-x86[5002]");
    Optional<Holder> none = t.holder("qemu-system-x86");
    assertThat(none).isEmpty();
  }
}
