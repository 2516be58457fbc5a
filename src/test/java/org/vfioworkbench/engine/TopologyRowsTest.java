package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.engine.Fixtures.FN0;
import static org.vfioworkbench.engine.Fixtures.fd;
import static org.vfioworkbench.engine.InfoEntry.DEVID_NOT_OWNED;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.HostOptions;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;
import org.vfioworkbench.model.TopologyBuilder.FunctionSpec;
import org.vfioworkbench.model.TransientCondition;

/**
 * Reference §5 rows about the PCI topology: S23–S35 (root bus, quirks, slots, bridges, SR-IOV,
 * no-IOMMU).
 */
class TopologyRowsTest {

  private static List<Long> ids(InfoResult r) {
    return r.entries().stream().map(InfoEntry::id).toList();
  }

  private static List<String> bdfs(InfoResult r) {
    return r.entries().stream().map(e -> e.bdf().toString()).toList();
  }

  @Test
  void aFunctionOnTheRootBusWithoutASlotCannotBeHotReset() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .function("0000:00:1f.3", f -> f.vfio().group(5))
            .holder("qemu", h -> h.container(3, "c").group(4, 5, "c").device(6, "0000:00:1f.3"))
            .build();
    Analysis a = Analysis.of(t);
    InfoResult info = a.info(fd("qemu", 6));
    assertThat(info.errno()).contains(Errno.ENODEV);
    assertThat(info.trace().get(info.trace().size() - 1).toString()).contains("no upstream bridge");
    assertThat(a.hotReset(fd("qemu", 6), ResetRequest.of(List.of(4))).errno())
        .contains(Errno.ENODEV);
    assertThat(a.hotReset(fd("qemu", 6), new ResetRequest(16, 1, List.of(4))).errno())
        .contains(Errno.EINVAL);
    assertThat(a.devSet(Bdf.parse("0000:00:1f.3")).orElseThrow().key().kind())
        .isEqualTo(DevSet.KeyKind.SINGLETON);
  }

  @Test
  void aNoBusResetQuirkOnAnyScopeFunctionOrTheBridgeRemovesTheBusReset() {
    Topology onSibling =
        Fixtures.cardOnBus02(20, FunctionSpec::vfio, 21, f -> f.vfio().quirk(Quirk.NO_BUS_RESET))
            .holder(
                "qemu", h -> h.container(3, "c").group(4, 20, "c").group(5, 21, "c").device(6, FN0))
            .build();
    assertThat(Analysis.of(onSibling).info(fd("qemu", 6)).errno()).contains(Errno.ENODEV);
    assertThat(
            Analysis.of(onSibling).hotReset(fd("qemu", 6), ResetRequest.of(List.of(4, 5))).errno())
        .contains(Errno.ENODEV);
    Topology onBridge =
        onSibling
            .withFunction(Bdf.parse("0000:02:00.1"), f -> f.withQuirks(java.util.Set.of()))
            .withFunction(
                Bdf.parse(Fixtures.ROOT_PORT),
                f -> f.withQuirks(java.util.Set.of(Quirk.NO_BUS_RESET)));
    InfoResult r = Analysis.of(onBridge).info(fd("qemu", 6));
    assertThat(r.errno()).contains(Errno.ENODEV);
    assertThat(r.trace().get(r.trace().size() - 1).toString())
        .contains("upstream bridge 0000:00:1c.0 has PCI_DEV_FLAGS_NO_BUS_RESET");
  }

  /** T-E: a pciehp slot with reset_slot; the scope is the slot, not the whole bus. */
  @Test
  void aResettableSlotLimitsTheScopeToFunctionsInTheSlot() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .function("0000:00:1d.0", f -> f.bridge().group(2))
            .bus("0000:06", "0000:00:1d.0")
            .slot("S5", "0000:06", 0, true)
            .function("0000:06:00.0", f -> f.vfio().group(60))
            .function("0000:06:00.1", f -> f.vfio().group(61))
            .function("0000:06:01.0", f -> f.nativeDriver("e1000").group(62))
            .holder(
                "qemu",
                h ->
                    h.container(3, "c")
                        .group(4, 60, "c")
                        .group(5, 61, "c")
                        .device(6, "0000:06:00.0"))
            .build();
    Analysis a = Analysis.of(t);
    InfoResult info = a.info(fd("qemu", 6));
    assertThat(bdfs(info)).containsExactly("0000:06:00.0", "0000:06:00.1");
    assertThat(a.devSet(Bdf.parse("0000:06:00.0")).orElseThrow().key())
        .isEqualTo(new DevSet.Key(DevSet.KeyKind.SLOT, "S5"));
    ResetResult r = a.hotReset(fd("qemu", 6), ResetRequest.of(List.of(4, 5)));
    assertThat(r.ret()).isZero();
    assertThat(r.trace().get(r.trace().size() - 1).toString()).contains("slot reset");
    Topology noResetOp =
        t.withSlots(
            List.of(
                new org.vfioworkbench.model.Slot(
                    "S5", org.vfioworkbench.model.BusAddress.parse("0000:06"), 0, false)));
    assertThat(bdfs(Analysis.of(noResetOp).info(fd("qemu", 6)))).hasSize(3);
  }

  /** T-D: a bridge on the bus and a device behind it join the scope but never the dev-set. */
  @Test
  void aBridgeInTheScopeMakesTheResetImpossible() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .function("0000:00:03.0", f -> f.bridge().group(3))
            .bus("0000:03", "0000:00:03.0")
            .function("0000:03:00.0", f -> f.vfio().group(30))
            .function("0000:03:01.0", f -> f.bridge().group(31))
            .bus("0000:04", "0000:03:01.0")
            .function("0000:04:00.0", f -> f.vfio().group(40))
            .holder(
                "qemu",
                h ->
                    h.container(3, "c")
                        .group(4, 30, "c")
                        .group(5, 40, "c")
                        .device(6, "0000:03:00.0"))
            .holder("vm", h -> h.iommufd(3, "A"))
            .build();
    Analysis a = Analysis.of(t);
    assertThat(bdfs(a.info(fd("qemu", 6))))
        .containsExactly("0000:03:00.0", "0000:03:01.0", "0000:04:00.0");
    ResetResult r = a.hotReset(fd("qemu", 6), ResetRequest.of(List.of(4, 5)));
    assertThat(r.errno()).contains(Errno.EINVAL);
    assertThat(r.trace().get(r.trace().size() - 1).toString())
        .contains("0000:03:01.0 is affected but not in the dev_set (a bridge");

    Topology cdev =
        t.withHolders(List.of(t.holder("vm").orElseThrow()))
            .withHolder(
                "vm",
                h ->
                    h.withFiles(
                        List.of(
                            h.files().get(0),
                            CdevFile.bound(4, Bdf.parse("0000:03:00.0"), "A"),
                            CdevFile.bound(5, Bdf.parse("0000:04:00.0"), "A"))));
    assertThat(ids(Analysis.of(cdev).info(fd("vm", 4))))
        .containsExactly(1L, DEVID_NOT_OWNED, DEVID_NOT_OWNED);
  }

  @Test
  void aScopeFunctionWithoutGroupFailsGroupModeButIsNotOwnedInDevIdMode() {
    Topology t =
        Fixtures.cardOnBus02(20, FunctionSpec::vfio, 0, f -> f.nativeDriver("foo"))
            .build()
            .withFunction(
                Bdf.parse("0000:02:00.1"),
                f ->
                    new org.vfioworkbench.model.PciFunction(
                        f.bdf(),
                        f.headerType(),
                        0,
                        0,
                        0,
                        "",
                        f.driver(),
                        java.util.OptionalInt.empty(),
                        java.util.Optional.empty(),
                        java.util.Set.of(),
                        java.util.Set.of()));
    Topology group = new TopologyBuilder().build();
    Topology withGroupHolder =
        t.withHolders(
                new TopologyBuilder()
                    .holder("q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
                    .build()
                    .holders())
            .withContainers(
                List.of(new org.vfioworkbench.model.Container("c", ContainerType.TYPE1)));
    assertThat(group.functions()).isEmpty();
    Analysis a = Analysis.of(withGroupHolder);
    assertThat(a.info(fd("q", 5)).errno()).contains(Errno.EPERM);
    assertThat(a.hotReset(fd("q", 5), ResetRequest.of(List.of(4))).errno()).contains(Errno.EINVAL);
    Topology withCdev =
        t.withHolders(
                new TopologyBuilder()
                    .holder("v", h -> h.iommufd(3, "A").cdev(4, FN0, "A"))
                    .build()
                    .holders())
            .withIommufds(List.of(new org.vfioworkbench.model.IommufdContext("A")));
    assertThat(ids(Analysis.of(withCdev).info(fd("v", 4)))).containsExactly(1L, DEVID_NOT_OWNED);
  }

  /** T-G: no-IOMMU mode, one fabricated group per function. */
  private static TopologyBuilder noIommu(java.util.function.Consumer<FunctionSpec> fn1) {
    return new TopologyBuilder()
        .options(new HostOptions(true, true))
        .rootBus("0000:00")
        .function(Fixtures.ROOT_PORT, FunctionSpec::bridge)
        .bus("0000:02", Fixtures.ROOT_PORT)
        .function(FN0, f -> f.vfio().noIommuGroup(0))
        .function("0000:02:00.1", fn1);
  }

  @Test
  void noIommuGroupsProveOwnershipLikeAnyGroup() {
    Topology t =
        noIommu(f -> f.vfio().noIommuGroup(1))
            .holder(
                "p",
                h ->
                    h.container(3, "c", ContainerType.NOIOMMU)
                        .group(4, 0, "c")
                        .group(5, 1, "c")
                        .device(6, FN0))
            .build();
    assertThat(KernelCalls.validate(t, Profile.DEFAULT)).isEmpty();
    Analysis a = Analysis.of(t);
    assertThat(ids(a.info(fd("p", 6)))).containsExactly(0L, 1L);
    assertThat(a.hotReset(fd("p", 6), ResetRequest.of(List.of(4, 5))).ret()).isZero();
    assertThat(a.hotReset(fd("p", 6), ResetRequest.of(List.of(4))).errno()).contains(Errno.EINVAL);
  }

  @Test
  void aNoIommuSiblingOnANativeDriverHasNoGroupAndFailsInfo() {
    Topology t =
        noIommu(f -> f.nativeDriver("e1000e"))
            .holder(
                "p",
                h -> h.container(3, "c", ContainerType.NOIOMMU).group(4, 0, "c").device(6, FN0))
            .build();
    Analysis a = Analysis.of(t);
    assertThat(a.info(fd("p", 6)).errno()).contains(Errno.EPERM);
    assertThat(a.hotReset(fd("p", 6), ResetRequest.of(List.of(4))).errno()).contains(Errno.EINVAL);
  }

  @Test
  void noIommuGroupsNeedCapSysRawioAndHaveNoCdev() {
    Topology t =
        noIommu(f -> f.vfio().noIommuGroup(1))
            .holder(
                "p",
                h ->
                    h.withoutCapSysRawio().container(3, "c", ContainerType.NOIOMMU).iommufd(5, "A"))
            .build();
    Attempt open = KernelCalls.open(t, Profile.DEFAULT, "p", GroupFile.detached(4, 0));
    assertThat(open.refusal().orElseThrow().errno()).isEqualTo(Errno.EPERM);
    assertThat(open.refusal().get().call()).isEqualTo("open(/dev/vfio/noiommu-0)");
    Attempt cdev =
        KernelCalls.open(t, Profile.DEFAULT, "p", CdevFile.bound(6, Bdf.parse(FN0), "A"));
    assertThat(cdev.refusal().orElseThrow().errno()).isEqualTo(Errno.ENOENT);
  }

  /** T-F: SR-IOV, a PF and four VFs on bus 08. */
  private static TopologyBuilder sriov(
      java.util.function.Consumer<FunctionSpec> pf, java.util.function.Consumer<FunctionSpec> vf) {
    TopologyBuilder b =
        new TopologyBuilder()
            .rootBus("0000:00")
            .function("0000:00:02.0", f -> f.bridge().group(2))
            .bus("0000:08", "0000:00:02.0")
            .function(
                "0000:08:00.0",
                f -> {
                  f.group(80);
                  pf.accept(f);
                });
    for (int i = 1; i <= 4; i++) {
      int fn = i;
      b.function(
          "0000:08:00." + fn,
          f -> {
            f.group(80 + fn).virtfnOf("0000:08:00.0");
            vf.accept(f);
          });
    }
    return b;
  }

  @Test
  void aVfIsASingletonDevSetAndCanNeverBeHotReset() {
    Topology t =
        sriov(f -> f.nativeDriver("i40e"), f -> f.nativeDriver("iavf"))
            .build()
            .withFunction(
                Bdf.parse("0000:08:00.2"),
                f -> f.withDriver(org.vfioworkbench.model.Driver.VFIO_PCI));
    t =
        t.withHolders(
                new TopologyBuilder()
                    .holder(
                        "q", h -> h.container(3, "c").group(4, 82, "c").device(5, "0000:08:00.2"))
                    .build()
                    .holders())
            .withContainers(
                List.of(new org.vfioworkbench.model.Container("c", ContainerType.TYPE1)));
    Analysis a = Analysis.of(t, Profile.LINUX_6_12);
    assertThat(a.devSet(Bdf.parse("0000:08:00.2")).orElseThrow().key().kind())
        .isEqualTo(DevSet.KeyKind.SINGLETON);
    assertThat(a.info(fd("q", 5)).count()).isEqualTo(5);
    assertThat(a.hotReset(fd("q", 5), ResetRequest.of(List.of(4))).errno()).contains(Errno.EINVAL);
    Analysis before = Analysis.of(t, Profile.LINUX_6_10);
    assertThat(before.devSet(Bdf.parse("0000:08:00.2")).orElseThrow().key())
        .as("before \"vfio/pci: Separate SR-IOV VF dev_set\" a VF keys its dev_set by bus")
        .isEqualTo(new DevSet.Key(DevSet.KeyKind.BUS, "0000:08"));
  }

  @Test
  void aPfOnVfioCannotBeResetOnceItHasVfs() {
    Topology t =
        sriov(FunctionSpec::vfio, FunctionSpec::vfio)
            .holder("q", h -> h.container(3, "c").group(4, 80, "c").device(5, "0000:08:00.0"))
            .build();
    Analysis a = Analysis.of(t, Profile.LINUX_6_12);
    assertThat(a.devSet(Bdf.parse("0000:08:00.0")).orElseThrow().members())
        .containsExactly(Bdf.parse("0000:08:00.0"));
    assertThat(a.info(fd("q", 5)).count()).isEqualTo(5);
    ResetResult r = a.hotReset(fd("q", 5), ResetRequest.of(List.of(4)));
    assertThat(r.errno()).contains(Errno.EINVAL);
    assertThat(r.trace().get(r.trace().size() - 1).toString())
        .contains(
            "0000:08:00.1 is affected but not in the dev_set (vfio device in dev_set singleton 0000:08:00.1)");
    Analysis before = Analysis.of(t, Profile.LINUX_6_10);
    assertThat(before.devSet(Bdf.parse("0000:08:00.0")).orElseThrow().members())
        .as("before \"vfio/pci: Separate SR-IOV VF dev_set\" the VFs share the PF's bus dev_set")
        .hasSize(5);
    ResetResult r2 = before.hotReset(fd("q", 5), ResetRequest.of(List.of(4)));
    assertThat(r2.errno())
        .as("then only ownership fails: the VFs' groups were not passed")
        .contains(Errno.EINVAL);
    assertThat(r2.trace().toString()).doesNotContain("is affected but not in the dev_set");
  }

  @Test
  void contentionFailsAnOwnedResetWithRetryableErrors() {
    Topology busy =
        Fixtures.cardOnBus02(
                20,
                FunctionSpec::vfio,
                21,
                f -> f.vfio().condition(TransientCondition.MEMORY_LOCK_BUSY))
            .holder(
                "q", h -> h.container(3, "c").group(4, 20, "c").group(5, 21, "c").device(6, FN0))
            .build();
    assertThat(Analysis.of(busy).hotReset(fd("q", 6), ResetRequest.of(List.of(4, 5))).errno())
        .contains(Errno.EBUSY);
    assertThat(Analysis.of(busy).hotReset(fd("q", 6), ResetRequest.of(List.of(4))).errno())
        .as("ownership is checked before the lock, member by member")
        .contains(Errno.EINVAL);
    Topology locked =
        Fixtures.cardOnBus02(
                20,
                FunctionSpec::vfio,
                21,
                f -> f.vfio().condition(TransientCondition.DEVICE_LOCK_CONTENDED))
            .holder(
                "q", h -> h.container(3, "c").group(4, 20, "c").group(5, 21, "c").device(6, FN0))
            .build();
    assertThat(Analysis.of(locked).hotReset(fd("q", 6), ResetRequest.of(List.of(4, 5))).errno())
        .contains(Errno.EAGAIN);
  }

  @Test
  void bindOrderDecidesWhichMemberFailsFirst() {
    TopologyBuilder b =
        Fixtures.cardOnBus02(
                20,
                f -> f.vfio().condition(TransientCondition.MEMORY_LOCK_BUSY),
                21,
                FunctionSpec::vfio)
            .holder("q", h -> h.container(3, "c").group(4, 20, "c").device(6, FN0));
    assertThat(Analysis.of(b.build()).hotReset(fd("q", 6), ResetRequest.of(List.of(4))).errno())
        .contains(Errno.EBUSY);
    Topology fn1First = b.bindOrder("0000:02:00.1").build();
    assertThat(Analysis.of(fn1First).hotReset(fd("q", 6), ResetRequest.of(List.of(4))).errno())
        .contains(Errno.EINVAL);
  }
}
