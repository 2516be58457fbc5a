package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.engine.Fixtures.FN0;
import static org.vfioworkbench.engine.Fixtures.FN1;
import static org.vfioworkbench.engine.Fixtures.fd;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Topology;

/** The kernel-checked edits behind the workbench's gestures. */
class KernelCallsTest {

  private static final Bdf B0 = Bdf.parse(FN0);
  private static final Bdf B1 = Bdf.parse(FN1);

  @Test
  void movingTheSeedSiblingToTheCdevLaneMakesTheEmptyArrayResetWork() {
    Topology seed = CdevRowsTest.seed();
    Attempt move = KernelCalls.moveToCdev(seed, Profile.DEFAULT, "vm", B1);
    assertThat(move.succeeded()).as("%s", move.refusal()).isTrue();
    assertThat(move.steps())
        .containsExactly(
            "close(7) anon_inode:[vfio-device] 0000:02:00.1",
            "close(6) /dev/vfio/21 (container c)",
            "fd 6 = /dev/vfio/devices (0000:02:00.1) bound to A");
    Analysis a = Analysis.of(move.orElseThrow());
    InfoResult info = a.info(fd("vm", 4));
    assertThat(info.flags()).containsExactlyInAnyOrder(InfoFlag.DEV_ID, InfoFlag.DEV_ID_OWNED);
    assertThat(info.entries()).extracting(InfoEntry::id).containsExactly(1L, 2L);
    assertThat(a.hotReset(fd("vm", 4), ResetRequest.empty()).ret()).isZero();
    assertThat(KernelCalls.validate(move.orElseThrow(), Profile.DEFAULT)).isEmpty();
  }

  @Test
  void movingBackToTheGroupLaneReusesTheHoldersContainer() {
    Topology moved =
        KernelCalls.moveToCdev(CdevRowsTest.seed(), Profile.DEFAULT, "vm", B1).orElseThrow();
    Attempt back = KernelCalls.moveToGroup(moved, Profile.DEFAULT, "vm", B1);
    assertThat(back.succeeded()).isTrue();
    Topology t = back.orElseThrow();
    assertThat(t.holder("vm").orElseThrow().files())
        .anyMatch(f -> f instanceof GroupFile g && g.group() == 21)
        .anyMatch(f -> f instanceof DeviceFile d && d.device().equals(B1))
        .noneMatch(f -> f instanceof CdevFile c && c.device().equals(B1));
    assertThat(t.containers()).hasSize(1);
    assertThat(KernelCalls.validate(t, Profile.DEFAULT)).isEmpty();
  }

  @Test
  void aPfWhoseVfsExistCannotBeBoundToVfioPciButItsVfCan() {
    Topology t =
        Fixtures.cardOnBus02(
                20,
                f -> f.nativeDriver("i40e"),
                21,
                f -> f.nativeDriver("iavf").virtfnOf("0000:02:00.0"))
            .build();

    Attempt pf = KernelCalls.setDriver(t, Profile.DEFAULT, Bdf.parse(FN0), Driver.VFIO_PCI);
    Attempt vf = KernelCalls.setDriver(t, Profile.DEFAULT, Bdf.parse(FN1), Driver.VFIO_PCI);

    assertThat(pf.refusal().orElseThrow().errno()).isEqualTo(Errno.EBUSY);
    assertThat(pf.refusal().orElseThrow().reason())
        .contains("Cannot bind to PF with SR-IOV enabled");
    assertThat(vf.succeeded()).isTrue();
    Topology noVfs =
        Fixtures.cardOnBus02(20, f -> f.nativeDriver("i40e"), 21, f -> f.nativeDriver("iavf"))
            .build();
    assertThat(
            KernelCalls.setDriver(noVfs, Profile.DEFAULT, Bdf.parse(FN0), Driver.VFIO_PCI)
                .succeeded())
        .isTrue();
  }

  @Test
  void aGroupLaneMoveIsRefusedWhileAGroupMateIsCdevBound() {
    Topology t =
        Fixtures.sharedVfio().holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A")).build();
    Attempt move = KernelCalls.moveToGroup(t, Profile.DEFAULT, "vm", B1);
    assertThat(move.refusal().orElseThrow().headline())
        .isEqualTo(
            "-EBUSY: vfio_group_fops_open: a device of group 20 is bound through its cdev (cdev_device_open_cnt > 0)");
  }

  @Test
  void aCdevMoveIsRefusedWhileAnotherHolderHasTheGroupOpen() {
    Topology t =
        Fixtures.splitVfio()
            .holder("vm1", h -> h.container(3, "c").group(4, 21, "c").device(5, FN1))
            .holder("vm2", h -> h.iommufd(3, "B"))
            .build();
    Attempt move = KernelCalls.moveToCdev(t, Profile.DEFAULT, "vm2", B1);
    assertThat(move.refusal().orElseThrow().headline())
        .isEqualTo(
            "-EBUSY: vfio_device_block_group: group 21 is open through the legacy interface by vm1");
    assertThat(move.topology()).isEmpty();
  }

  @Test
  void aHolderWithoutIommufdGetsOneOnItsFirstCdevMove() {
    Topology t = Fixtures.splitVfio().holder("vm", h -> h.pid(1)).build();
    Topology moved = KernelCalls.moveToCdev(t, Profile.DEFAULT, "vm", B0).orElseThrow();
    assertThat(moved.iommufds()).extracting(c -> c.id()).containsExactly("vm-iommufd");
    assertThat(Analysis.of(moved).info(new FdRef("vm", 4)).hasFlag(InfoFlag.DEV_ID)).isTrue();
  }

  @Test
  void releaseClosesEveryFdOnTheDeviceAndItsNowUnusedGroupFile() {
    Topology released = KernelCalls.release(CdevRowsTest.seed(), B1).orElseThrow();
    assertThat(released.holder("vm").orElseThrow().files())
        .extracting(f -> f.fd())
        .containsExactly(3, 4, 5);
  }

  @Test
  void closingAGroupFileClosesTheDeviceFdsObtainedThroughIt() {
    Attempt close = KernelCalls.close(CdevRowsTest.seed(), "vm", 6);
    assertThat(close.orElseThrow().holder("vm").orElseThrow().files())
        .extracting(f -> f.fd())
        .containsExactly(3, 4, 5);
    assertThat(KernelCalls.close(CdevRowsTest.seed(), "vm", 42).refusal().orElseThrow().errno())
        .isEqualTo(Errno.EBADF);
  }

  @Test
  void driverChangesFollowTheKernel() {
    Topology seed = CdevRowsTest.seed();
    assertThat(
            KernelCalls.setDriver(seed, Profile.DEFAULT, B1, Driver.nativeDriver("snd_hda_intel"))
                .refusal()
                .orElseThrow()
                .errno())
        .isEqualTo(Errno.EBUSY);
    Topology idle = Fixtures.splitVfio().build();
    Topology rebound =
        KernelCalls.setDriver(idle, Profile.DEFAULT, B1, Driver.nativeDriver("snd_hda_intel"))
            .orElseThrow();
    assertThat(Analysis.of(rebound).vfioGroupExists(21)).isFalse();
    assertThat(
            KernelCalls.setDriver(
                    idle, Profile.DEFAULT, Bdf.parse(Fixtures.ROOT_PORT), Driver.VFIO_PCI)
                .refusal()
                .orElseThrow()
                .errno())
        .isEqualTo(Errno.EINVAL);
  }

  @Test
  void validateReportsEveryRefusedOpenInReplayOrder() {
    Topology t =
        Fixtures.splitVfio()
            .holder("a", h -> h.iommufd(3, "A").cdev(4, FN0, "A"))
            .holder(
                "b",
                h -> h.container(3, "c").group(4, 20, "c").device(5, FN0).group(6, 21).group(7, 21))
            .build();
    List<Refusal> refusals = KernelCalls.validate(t, Profile.DEFAULT);
    assertThat(refusals).extracting(Refusal::subject).containsExactly("b fd 4", "b fd 5", "b fd 7");
    assertThat(refusals)
        .extracting(Refusal::errno)
        .containsExactly(Errno.EBUSY, Errno.EBADF, Errno.EBUSY);
  }

  @Test
  void devidsStayWithTheirDevicesAcrossClosesAndFreedIdsAreReused() {
    Topology both =
        KernelCalls.moveToCdev(CdevRowsTest.seed(), Profile.DEFAULT, "vm", B1).orElseThrow();
    assertThat(Analysis.of(both).device(B1).orElseThrow().devid()).hasValue(2);
    Topology fn0Closed = KernelCalls.release(both, B0).orElseThrow();
    assertThat(Analysis.of(fn0Closed).device(B1).orElseThrow().devid())
        .as("the kernel keeps object ids")
        .hasValue(2);
    Topology reopened = KernelCalls.moveToCdev(fn0Closed, Profile.DEFAULT, "vm", B0).orElseThrow();
    assertThat(Analysis.of(reopened).device(B0).orElseThrow().devid())
        .as("xa_alloc takes the lowest free id")
        .hasValue(1);
    assertThat(Analysis.of(reopened).device(B1).orElseThrow().devid()).hasValue(2);
  }
}
