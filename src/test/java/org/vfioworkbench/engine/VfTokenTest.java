package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;
import org.vfioworkbench.model.TopologyBuilder.FunctionSpec;

/**
 * The VF token rules of vfio_pci_core.c ({@code vfio_pci_validate_vf_token}, 6.12; {@code
 * vfio_pci_core_match_token_uuid} and {@code vfio_df_check_token}, v6.17): the group path checks
 * the token in every profile; the cdev bind checks it from v6.17 and refuses any bind flag before.
 */
class VfTokenTest {

  private static final String PF = "0000:03:00.0";
  private static final String VF = "0000:03:02.0";
  private static final UUID TOKEN = UUID.fromString("2ab74924-c335-45f4-9b16-8569e5b08258");
  private static final UUID WRONG = UUID.fromString("00000000-0000-0000-0000-000000000001");

  /** PF on {@code pfDriver}, its VF on vfio-pci; QEMU holds the VF's group 31 in a container. */
  private static Topology sriov(java.util.function.Consumer<FunctionSpec> pf) {
    return sriov(pf, true);
  }

  private static Topology sriov(java.util.function.Consumer<FunctionSpec> pf, boolean group) {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .function("0000:00:01.0", f -> f.bridge().group(1))
        .bus("0000:03", "0000:00:01.0")
        .function(
            PF,
            f -> {
              f.group(30).ids(0x8086, 0x1572, 0x020000);
              pf.accept(f);
            })
        .function(VF, f -> f.vfio().group(31).virtfnOf(PF).ids(0x8086, 0x154c, 0x020000))
        .holder(
            "qemu",
            h -> {
              if (group) {
                h.container(3, "c").group(4, 31, "c");
              }
              h.iommufd(5, "ictx");
            })
        .build();
  }

  private static Attempt openVf(Topology t, Profile p, Optional<UUID> token) {
    return KernelCalls.open(t, p, "qemu", new DeviceFile(6, Bdf.parse(VF), token));
  }

  @Test
  void aVfWhosePfIsOnVfioPciNeedsThePfsTokenThroughItsGroup() {
    Topology t = sriov(f -> f.vfio().vfToken(TOKEN));
    for (Profile p : new Profile[] {Profile.LINUX_6_12, Profile.LINUX_6_17, Profile.LINUX_5_15}) {
      Attempt none = openVf(t, p, Optional.empty());
      assertThat(none.refusal().orElseThrow().errno()).as(p.id()).isEqualTo(Errno.EACCES);
      assertThat(none.refusal().get().toString()).contains("VF token required");
      assertThat(openVf(t, p, Optional.of(WRONG)).refusal().orElseThrow().errno())
          .isEqualTo(Errno.EACCES);
      assertThat(openVf(t, p, Optional.of(TOKEN)).succeeded()).as(p.id()).isTrue();
    }
    Topology unset = sriov(FunctionSpec::vfio);
    assertThat(openVf(unset, Profile.LINUX_6_12, Optional.of(new UUID(0, 0))).succeeded())
        .as("the token is all zeroes until user space sets one")
        .isTrue();
  }

  @Test
  void aTokenForAVfWhosePfIsNotOnVfioPciIsInvalid() {
    Topology t = sriov(f -> f.nativeDriver("i40e"));
    assertThat(openVf(t, Profile.LINUX_6_12, Optional.empty()).succeeded()).isTrue();
    assertThat(openVf(t, Profile.LINUX_6_12, Optional.of(TOKEN)).refusal().orElseThrow().errno())
        .isEqualTo(Errno.EINVAL);
  }

  private static Attempt bindVf(Topology t, Profile p, Optional<UUID> token) {
    return KernelCalls.open(
        t,
        p,
        "qemu",
        new CdevFile(7, Bdf.parse(VF), Optional.of("ictx"), OptionalInt.empty(), false, token));
  }

  @Test
  void theCdevBindChecksTheTokenOnlyFromV617() {
    Topology t = sriov(f -> f.vfio().vfToken(TOKEN), false);
    assertThat(bindVf(t, Profile.LINUX_6_12, Optional.empty()).succeeded())
        .as("6.12: the cdev path never asked for the token")
        .isTrue();
    Attempt flag612 = bindVf(t, Profile.LINUX_6_12, Optional.of(TOKEN));
    assertThat(flag612.refusal().orElseThrow().errno()).isEqualTo(Errno.EINVAL);
    assertThat(flag612.refusal().get().toString()).contains("bind.flags must be 0");
    assertThat(bindVf(t, Profile.LINUX_6_17, Optional.empty()).refusal().orElseThrow().errno())
        .isEqualTo(Errno.EACCES);
    assertThat(bindVf(t, Profile.LINUX_6_17, Optional.of(TOKEN)).succeeded()).isTrue();
  }
}
