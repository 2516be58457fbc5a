package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.engine.Fixtures.FN0;
import static org.vfioworkbench.engine.Fixtures.FN1;
import static org.vfioworkbench.engine.Fixtures.fd;
import static org.vfioworkbench.engine.InfoEntry.DEVID_NOT_OWNED;
import static org.vfioworkbench.engine.InfoEntry.DEVID_OWNED;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder.FunctionSpec;

/**
 * The rows of the reference's scenario table (§5) for the group interface (S01–S13), each a
 * behaviour. Expected values are written from the reference by hand.
 */
class ReferenceRowsTest {

  private static List<Long> ids(InfoResult r) {
    return r.entries().stream().map(InfoEntry::id).toList();
  }

  private static List<String> bdfs(InfoResult r) {
    return r.entries().stream().map(e -> e.bdf().toString()).toList();
  }

  private static String lastStep(Outcome o) {
    return o.trace().get(o.trace().size() - 1).toString();
  }

  /** S01–S04, S06–S09: T-A split, one holder with both groups in a type1 container. */
  @Nested
  class GroupFdProof {
    final Topology t =
        Fixtures.splitVfio()
            .holder(
                "qemu",
                h ->
                    h.container(3, "c")
                        .group(4, 20, "c")
                        .group(5, 21, "c")
                        .device(6, FN0)
                        .device(7, FN1)
                        .iommufd(8, "A")
                        .other(10, "anon_inode:[eventfd]"))
            .build();
    final Analysis a = Analysis.of(t);
    final FdRef fn0 = fd("qemu", 6);

    @Test
    void infoInGroupModeListsEveryScopeFunctionWithItsGroup() {
      InfoResult r = a.info(fn0);
      assertThat(r.ret()).isZero();
      assertThat(r.flags()).isEmpty();
      assertThat(r.count()).isEqualTo(2);
      assertThat(bdfs(r)).containsExactly(FN0, FN1);
      assertThat(ids(r)).containsExactly(20L, 21L);
    }

    @Test
    void bothGroupFilesResetBothFunctions() {
      ResetResult r = a.hotReset(fn0, ResetRequest.of(List.of(4, 5)));
      assertThat(r.ret()).isZero();
      assertThat(r.reset()).containsExactly(Bdf.parse(FN0), Bdf.parse(FN1));
    }

    @Test
    void aMissingGroupFileLeavesTheSiblingUnownedAndNamesIt() {
      ResetResult r = a.hotReset(fn0, ResetRequest.of(List.of(4)));
      assertThat(r.errno()).contains(Errno.EINVAL);
      assertThat(r.reset()).isEmpty();
      assertThat(lastStep(r))
          .startsWith("vfio_pci_dev_set_hot_reset: member 0000:02:00.1 not owned")
          .contains("group 21 is not among the passed group files");
    }

    @Test
    void theOrderOfGroupFilesDoesNotMatter() {
      assertThat(a.hotReset(fn0, ResetRequest.of(List.of(5, 4))).ret()).isZero();
    }

    @Test
    void moreFdsThanAffectedFunctionsIsRefusedBeforeLookingAtThem() {
      ResetResult r = a.hotReset(fn0, ResetRequest.of(List.of(4, 5, 4)));
      assertThat(r.errno()).contains(Errno.EINVAL);
      assertThat(lastStep(r)).contains("count 3 exceeds the 2 affected");
    }

    @Test
    void containerIommufdAndEventfdsAreNotProof() {
      for (int other : List.of(3, 8, 10)) {
        ResetResult r = a.hotReset(fn0, ResetRequest.of(List.of(4, other)));
        assertThat(r.errno()).as("fd %d", other).contains(Errno.EINVAL);
        assertThat(lastStep(r)).contains("not a VFIO group file");
      }
    }

    @Test
    void deviceFdsAreNotProofOnAReleasedKernel() {
      ResetResult r = a.hotReset(fn0, ResetRequest.of(List.of(4, 7)));
      assertThat(r.errno()).contains(Errno.EINVAL);
      assertThat(lastStep(r))
          .contains("vfio_pci_ioctl_pci_hot_reset_groups")
          .contains("not a VFIO group file");
    }

    @Test
    void deviceFdsAreProofUnderTheDeviceFdReviewProfile() {
      ResetResult r =
          Analysis.of(t, Profile.REVIEW_DEVICE_FD_PROOF)
              .hotReset(fn0, ResetRequest.of(List.of(4, 7)));
      assertThat(r.ret()).isZero();
    }

    @Test
    void theFirstBadFdDecides() {
      assertThat(a.hotReset(fn0, ResetRequest.of(List.of(4, 57))).errno()).contains(Errno.EBADF);
      assertThat(a.hotReset(fn0, ResetRequest.of(List.of(57, 10))).errno()).contains(Errno.EBADF);
      assertThat(a.hotReset(fn0, ResetRequest.of(List.of(10, 57))).errno()).contains(Errno.EINVAL);
    }

    @Test
    void aGroupCallerMustPassFds() {
      ResetResult r = a.hotReset(fn0, ResetRequest.empty());
      assertThat(r.errno()).contains(Errno.EINVAL);
      assertThat(lastStep(r)).contains("must pass group fds");
      assertThat(Analysis.of(t, Profile.LINUX_5_15).hotReset(fn0, ResetRequest.empty()).errno())
          .contains(Errno.EINVAL);
    }

    @Test
    void nonZeroFlagsOrAShortHeaderAreRefused() {
      assertThat(a.hotReset(fn0, new ResetRequest(20, 1, List.of(4, 5))).errno())
          .contains(Errno.EINVAL);
      assertThat(a.hotReset(fn0, new ResetRequest(8, 0, List.of(4, 5))).errno())
          .contains(Errno.EINVAL);
    }

    @Test
    void argszIsNotCheckedAgainstCount() {
      assertThat(a.hotReset(fn0, new ResetRequest(12, 0, List.of(4, 5))).ret()).isZero();
    }

    @Test
    void deviceIoctlsOnOtherFilesAreUnknownOrBad() {
      assertThat(a.info(fd("qemu", 4)).errno()).contains(Errno.ENOTTY);
      assertThat(a.info(fd("qemu", 3)).errno()).contains(Errno.ENOTTY);
      assertThat(a.info(fd("qemu", 99)).errno()).contains(Errno.EBADF);
      assertThat(a.hotReset(fd("nobody", 6), ResetRequest.empty()).errno()).contains(Errno.EBADF);
    }

    @Test
    void infoRejectsAShortArgszButIgnoresInputFlags() {
      assertThat(a.info(fn0, 11).errno()).contains(Errno.EINVAL);
      InfoResult r = a.info(fn0, 12);
      assertThat(r.errno()).contains(Errno.ENOSPC);
      assertThat(r.count()).isEqualTo(2);
      assertThat(r.entries()).isEmpty();
      assertThat(a.info(fn0, 12 + 8 * 2).ret()).isZero();
      assertThat(a.info(fn0, 12 + 8 * 2 - 1).errno()).contains(Errno.ENOSPC);
    }
  }

  /** S05: T-B, a group shared by two functions reported twice; duplicates are allowed. */
  @Test
  void duplicateGroupFdsAreAllowedWithinTheCountCap() {
    Topology t =
        Fixtures.cardOnBus02(20, FunctionSpec::vfio, 20, FunctionSpec::vfio)
            .function(Fixtures.FN2, f -> f.vfio().group(22))
            .holder(
                "qemu", h -> h.container(3, "c").group(4, 20, "c").group(5, 22, "c").device(6, FN0))
            .build();
    Analysis a = Analysis.of(t);
    FdRef fn0 = fd("qemu", 6);
    assertThat(ids(a.info(fn0))).containsExactly(20L, 20L, 22L);
    assertThat(a.hotReset(fn0, ResetRequest.of(List.of(4, 4, 5))).ret()).isZero();
    assertThat(a.hotReset(fn0, ResetRequest.of(List.of(4, 5))).ret()).isZero();
    assertThat(a.hotReset(fn0, ResetRequest.of(List.of(4))).errno()).contains(Errno.EINVAL);
  }

  /** S10: an unopened vfio sibling is covered by a bare group file and is reset too. */
  @Test
  void aGroupFileWithoutContainerOrDeviceStillProvesOwnership() {
    Topology t =
        Fixtures.splitVfio()
            .holder("qemu", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0).group(6, 21))
            .build();
    Analysis a = Analysis.of(t);
    assertThat(ids(a.info(fd("qemu", 5)))).containsExactly(20L, 21L);
    ResetResult r = a.hotReset(fd("qemu", 5), ResetRequest.of(List.of(4, 6)));
    assertThat(r.ret()).isZero();
    assertThat(r.reset()).contains(Bdf.parse(FN1));
    assertThat(a.device(Bdf.parse(FN1)).orElseThrow().isOpen()).isFalse();
  }

  /** S11, S13: a sibling on a native driver, pci-stub or no driver is not a dev-set member. */
  @Test
  void aSiblingOutsideVfioMakesTheResetImpossible() {
    for (var sibling :
        List.<java.util.function.Consumer<FunctionSpec>>of(
            f -> f.nativeDriver("snd_hda_intel"),
            f -> f.driver(org.vfioworkbench.model.Driver.PCI_STUB),
            f -> {})) {
      Topology t =
          Fixtures.cardOnBus02(20, FunctionSpec::vfio, 21, sibling)
              .holder("qemu", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
              .build();
      Analysis a = Analysis.of(t);
      InfoResult info = a.info(fd("qemu", 5));
      assertThat(ids(info)).containsExactly(20L, 21L);
      ResetResult r = a.hotReset(fd("qemu", 5), ResetRequest.of(List.of(4)));
      assertThat(r.errno()).contains(Errno.EINVAL);
      assertThat(lastStep(r))
          .startsWith(
              "vfio_pci_dev_set_resettable: 0000:02:00.1 is affected but not in the dev_set");
      assertThat(a.vfioGroupExists(21)).isFalse();
    }
  }

  /** S11: /dev/vfio/21 does not exist when nothing in group 21 is vfio-bound. */
  @Test
  void aGroupWithNoVfioFunctionHasNoNode() {
    Topology t =
        Fixtures.cardOnBus02(20, FunctionSpec::vfio, 21, f -> f.nativeDriver("snd_hda_intel"))
            .holder("qemu", h -> h.container(3, "c"))
            .build();
    Attempt open =
        KernelCalls.open(
            t, Profile.DEFAULT, "qemu", org.vfioworkbench.model.GroupFile.detached(4, 21));
    assertThat(open.refusal().orElseThrow().errno()).isEqualTo(Errno.ENOENT);
  }

  /**
   * S12: a shared group with a function on a native driver is not viable; the container refuses it.
   */
  @Test
  void aNonViableGroupCannotJoinAContainer() {
    Topology t =
        Fixtures.cardOnBus02(20, FunctionSpec::vfio, 20, f -> f.nativeDriver("snd_hda_intel"))
            .holder("qemu", h -> h.container(3, "c"))
            .build();
    assertThat(Analysis.of(t).viable(20)).isFalse();
    Attempt open =
        KernelCalls.open(
            t,
            Profile.DEFAULT,
            "qemu",
            org.vfioworkbench.model.GroupFile.attached(
                4, 20, org.vfioworkbench.model.DmaContextRef.container("c")));
    assertThat(open.refusal().orElseThrow().errno()).isEqualTo(Errno.EPERM);
    assertThat(open.refusal().get().reason()).contains("not viable").contains("snd_hda_intel");
  }

  /** S36 with group callers: a header-only buffer on 6.6 reports flags 0 and no entries. */
  @Test
  void groupModeEnospcHasNoFlagsOnAnyKernel() {
    Topology t =
        Fixtures.splitVfio()
            .holder("qemu", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
            .build();
    for (Profile p : Set.of(Profile.LINUX_6_10, Profile.LINUX_6_6, Profile.LINUX_5_15)) {
      InfoResult r = Analysis.of(t, p).info(fd("qemu", 5), 12);
      assertThat(r.errno()).as(p.id()).contains(Errno.ENOSPC);
      assertThat(r.flags()).as(p.id()).isEmpty();
      assertThat(r.count()).isEqualTo(2);
    }
  }

  static long notOwned() {
    return DEVID_NOT_OWNED;
  }

  static long owned() {
    return DEVID_OWNED;
  }
}
