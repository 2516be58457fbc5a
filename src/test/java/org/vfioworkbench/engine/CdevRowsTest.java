package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.engine.Fixtures.FN0;
import static org.vfioworkbench.engine.Fixtures.FN1;
import static org.vfioworkbench.engine.Fixtures.fd;
import static org.vfioworkbench.engine.InfoEntry.DEVID_NOT_OWNED;
import static org.vfioworkbench.engine.InfoEntry.DEVID_OWNED;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Topology;

/** Reference §5 rows S14–S22 and S36: device cdevs, iommufd contexts and DEV_ID reporting. */
class CdevRowsTest {

  private static List<Long> ids(InfoResult r) {
    return r.entries().stream().map(InfoEntry::id).toList();
  }

  private static String lastStep(Outcome o) {
    return o.trace().get(o.trace().size() - 1).toString();
  }

  @Test
  void bothFunctionsInOneIommufdAreReportedByDevidAndResetWithTheEmptyArray() {
    Topology t =
        Fixtures.splitVfio()
            .holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A").cdev(5, FN1, "A"))
            .build();
    Analysis a = Analysis.of(t);
    InfoResult info = a.info(fd("vm", 4));
    assertThat(info.flags()).containsExactlyInAnyOrder(InfoFlag.DEV_ID, InfoFlag.DEV_ID_OWNED);
    assertThat(info.flagsMask()).isEqualTo(0x3);
    assertThat(ids(info)).containsExactly(1L, 2L);
    assertThat(a.hotReset(fd("vm", 4), ResetRequest.empty()).ret()).isZero();
    ResetResult withFd = a.hotReset(fd("vm", 4), ResetRequest.of(List.of(3)));
    assertThat(withFd.errno()).contains(Errno.EINVAL);
    assertThat(lastStep(withFd)).contains("fd array must be empty");
  }

  @Test
  void anUnopenedSiblingInAnotherGroupIsNotOwned() {
    Topology t =
        Fixtures.splitVfio().holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A")).build();
    Analysis a = Analysis.of(t);
    InfoResult info = a.info(fd("vm", 4));
    assertThat(info.flags()).containsExactly(InfoFlag.DEV_ID);
    assertThat(ids(info)).containsExactly(1L, DEVID_NOT_OWNED);
    ResetResult r = a.hotReset(fd("vm", 4), ResetRequest.empty());
    assertThat(r.errno()).contains(Errno.EINVAL);
    assertThat(lastStep(r)).contains("member 0000:02:00.1 not owned").contains("not opened");
  }

  @Test
  void anUnopenedGroupMateIsOwnedImplicitly() {
    Topology t =
        Fixtures.sharedVfio().holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A")).build();
    Analysis a = Analysis.of(t);
    InfoResult info = a.info(fd("vm", 4));
    assertThat(info.flagsMask()).isEqualTo(0x3);
    assertThat(ids(info)).containsExactly(1L, DEVID_OWNED);
    ResetResult r = a.hotReset(fd("vm", 4), ResetRequest.empty());
    assertThat(r.ret()).isZero();
    assertThat(r.reset()).contains(Bdf.parse(FN1));
  }

  @Test
  void twoVmsWithTheirOwnIommufdSeeEachOtherAsNotOwned() {
    Topology t =
        Fixtures.splitVfio()
            .holder("vm1", h -> h.iommufd(3, "A").cdev(4, FN0, "A"))
            .holder("vm2", h -> h.iommufd(3, "B").cdev(4, FN1, "B"))
            .build();
    Analysis a = Analysis.of(t);
    assertThat(ids(a.info(fd("vm1", 4)))).containsExactly(1L, DEVID_NOT_OWNED);
    assertThat(ids(a.info(fd("vm2", 4)))).containsExactly(DEVID_NOT_OWNED, 1L);
    assertThat(a.hotReset(fd("vm1", 4), ResetRequest.empty()).errno()).contains(Errno.EINVAL);
    assertThat(a.hotReset(fd("vm2", 4), ResetRequest.empty()).errno()).contains(Errno.EINVAL);
    assertThat(lastStep(a.hotReset(fd("vm1", 4), ResetRequest.empty())))
        .contains("bound to another iommufd, B");
  }

  @Test
  void aGroupHasOneDmaOwnerSoASecondIommufdCannotBindItsOtherDevice() {
    Topology t =
        Fixtures.sharedVfio()
            .holder("vm1", h -> h.iommufd(3, "A").cdev(4, FN0, "A"))
            .holder("vm2", h -> h.iommufd(3, "B"))
            .build();
    Attempt bind =
        KernelCalls.open(t, Profile.DEFAULT, "vm2", CdevFile.bound(4, Bdf.parse(FN1), "B"));
    assertThat(bind.succeeded()).isFalse();
    assertThat(bind.refusal().orElseThrow().reason()).contains("iommufd A");
    assertThat(bind.refusal().get().errno())
        .as("Linux 6.12.117 in the kernel lab answers -EPERM")
        .isEqualTo(Errno.EPERM);
  }

  @Test
  void seedCaseNeitherSideCanReset() {
    Topology t = seed();
    Analysis a = Analysis.of(t);
    InfoResult fn0 = a.info(fd("vm", 4));
    assertThat(fn0.flags()).containsExactly(InfoFlag.DEV_ID);
    assertThat(ids(fn0)).containsExactly(1L, DEVID_NOT_OWNED);
    ResetResult empty = a.hotReset(fd("vm", 4), ResetRequest.empty());
    assertThat(empty.errno()).contains(Errno.EINVAL);
    assertThat(lastStep(empty)).contains("0000:02:00.1 not owned: opened through legacy group 21");

    InfoResult fn1 = a.info(fd("vm", 7));
    assertThat(fn1.flags()).isEmpty();
    assertThat(ids(fn1)).containsExactly(20L, 21L);
    ResetResult groups = a.hotReset(fd("vm", 7), a.naturalReset(fd("vm", 7)).request());
    assertThat(a.naturalReset(fd("vm", 7)).request().fds()).containsExactly(6);
    assertThat(groups.errno()).contains(Errno.EINVAL);
    assertThat(lastStep(groups)).contains("member 0000:02:00.0 not owned");

    Attempt openG20 = KernelCalls.open(t, Profile.DEFAULT, "vm", GroupFile.detached(8, 20));
    assertThat(openG20.refusal().orElseThrow().errno()).isEqualTo(Errno.EBUSY);
  }

  @Test
  void seedTwinWithTheGroupInTheSameIommufdSucceeds() {
    Topology t =
        Fixtures.splitVfio()
            .holder(
                "vm",
                h -> h.iommufd(3, "A").cdev(4, FN0, "A").groupCompat(5, 21, "A").device(6, FN1))
            .build();
    assertThat(KernelCalls.validate(t, Profile.DEFAULT)).isEmpty();
    Analysis a = Analysis.of(t);
    InfoResult info = a.info(fd("vm", 4));
    assertThat(info.flagsMask()).isEqualTo(0x3);
    assertThat(ids(info)).containsExactly(1L, 2L);
    assertThat(a.hotReset(fd("vm", 4), ResetRequest.empty()).ret()).isZero();
    assertThat(ids(a.info(fd("vm", 6)))).containsExactly(20L, 21L);
  }

  @Test
  void aGroupOpenedElsewhereBlocksTheCdevBindButNotTheCdevOpen() {
    Topology t =
        Fixtures.splitVfio()
            .holder("p2", h -> h.group(3, 20))
            .holder("p1", h -> h.iommufd(3, "A"))
            .build();
    assertThat(
            KernelCalls.open(t, Profile.DEFAULT, "p1", CdevFile.unbound(4, Bdf.parse(FN0)))
                .succeeded())
        .isTrue();
    Attempt bind =
        KernelCalls.open(t, Profile.DEFAULT, "p1", CdevFile.bound(4, Bdf.parse(FN0), "A"));
    assertThat(bind.refusal().orElseThrow().errno()).isEqualTo(Errno.EBUSY);
    assertThat(bind.refusal().get().headline())
        .isEqualTo(
            "-EBUSY: vfio_device_block_group: group 20 is open through the legacy interface by p2");
  }

  @Test
  void anUnboundCdevFdAnswersEinvalToEverything() {
    Topology t = Fixtures.splitVfio().holder("p", h -> h.cdevUnbound(3, FN0)).build();
    Analysis a = Analysis.of(t);
    assertThat(a.info(fd("p", 3)).errno()).contains(Errno.EINVAL);
    assertThat(a.hotReset(fd("p", 3), ResetRequest.empty()).errno()).contains(Errno.EINVAL);
  }

  @Test
  void headerOnlyInfoDiffersBetweenKernelGenerations() {
    Topology t =
        Fixtures.splitVfio().holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A")).build();
    FdRef fn0 = fd("vm", 4);
    InfoResult current = Analysis.of(t, Profile.LINUX_6_10).info(fn0, 12);
    assertThat(current.errno()).contains(Errno.ENOSPC);
    assertThat(current.count()).isEqualTo(2);
    assertThat(current.flags()).isEmpty();
    InfoResult v66 = Analysis.of(t, Profile.LINUX_6_6).info(fn0, 12);
    assertThat(v66.errno()).contains(Errno.ENOSPC);
    assertThat(v66.count()).isEqualTo(2);
    assertThat(v66.flagsMask()).isEqualTo(0x3);
    InfoResult v66one = Analysis.of(t, Profile.LINUX_6_6).info(fn0, 20);
    assertThat(v66one.entries()).hasSize(1);
    assertThat(v66one.flagsMask()).isEqualTo(0x3);
  }

  @Test
  void aStrictInfoFromTheReviewRefusesInsteadOfReporting() {
    Topology t =
        Fixtures.splitVfio().holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A")).build();
    assertThat(Analysis.of(t, Profile.REVIEW_STRICT_INFO).info(fd("vm", 4)).errno())
        .contains(Errno.EPERM);
    Topology owned =
        Fixtures.sharedVfio().holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A")).build();
    assertThat(Analysis.of(owned, Profile.REVIEW_STRICT_INFO).info(fd("vm", 4)).ret()).isZero();
  }

  @Test
  void olderKernelsHaveNoCdevAtAll() {
    Topology t =
        Fixtures.splitVfio().holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A")).build();
    assertThat(KernelCalls.validate(t, Profile.LINUX_5_15))
        .extracting(Refusal::errno)
        .contains(Errno.ENOENT);
    assertThat(Analysis.of(t, Profile.LINUX_5_15).info(fd("vm", 4)).errno()).contains(Errno.EBADF);
    Topology noCdevConfig = t.withOptions(new org.vfioworkbench.model.HostOptions(false, false));
    assertThat(KernelCalls.validate(noCdevConfig, Profile.DEFAULT))
        .extracting(Refusal::errno)
        .contains(Errno.ENOENT);
  }

  @Test
  void explicitDevidsAreReportedAsGiven() {
    Topology t =
        Fixtures.splitVfio()
            .holder("vm", h -> h.iommufd(3, "A"))
            .build()
            .withHolder(
                "vm",
                h ->
                    h.withFiles(
                        List.of(
                            h.files().get(0),
                            new CdevFile(
                                4,
                                Bdf.parse(FN0),
                                java.util.Optional.of("A"),
                                java.util.OptionalInt.of(7),
                                false),
                            CdevFile.bound(5, Bdf.parse(FN1), "A"))));
    assertThat(ids(Analysis.of(t).info(fd("vm", 4))))
        .as("xa_alloc hands out the lowest free id")
        .containsExactly(7L, 1L);
  }

  /** The seed case of the April 2023 discussion: fn0 via cdev, fn1 via its group in type1. */
  static Topology seed() {
    return Fixtures.splitVfio()
        .holder(
            "vm",
            h ->
                h.iommufd(3, "A")
                    .cdev(4, FN0, "A")
                    .container(5, "c")
                    .group(6, 21, "c")
                    .device(7, FN1))
        .build();
  }
}
