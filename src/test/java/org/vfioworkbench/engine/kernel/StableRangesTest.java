package org.vfioworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DevSet;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ResetRequest;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;

/**
 * The behaviours that changed inside stable series, each as the check the kernel makes: the
 * uninitialised INFO count of 6.6.36–6.6.40 and 6.9.7–6.9.9, the HOT_RESET group count above
 * INT_MAX (-ENOMEM in 6.6–6.11, -EINVAL before and after), and the VF dev-set of "vfio/pci:
 * Separate SR-IOV VF dev_set"; the source-backed ones also against {@code linux-source-6.12}.
 */
class StableRangesTest {

  private static final FdRef CALLER = new FdRef("qemu", 6);

  /** A two-function card on bus 02 below a root port, both on vfio-pci and opened by QEMU. */
  private static Topology card() {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .function("0000:00:1c.0", f -> f.bridge().group(1))
        .bus("0000:02", "0000:00:1c.0")
        .function("0000:02:00.0", f -> f.vfio().group(20))
        .function("0000:02:00.1", f -> f.vfio().group(21))
        .holder(
            "qemu",
            h -> h.container(3, "c").group(4, 20, "c").group(5, 21, "c").device(6, "0000:02:00.0"))
        .build();
  }

  private static Profile kernel(String release) {
    return Profile.forKernel(KernelRelease.parse(release));
  }

  private static String lastFunction(List<TraceStep> trace) {
    return trace.get(trace.size() - 1).function();
  }

  @Test
  void aGroupCountAboveIntMaxIsEnomemOnlyWhileArrayCountWasAnInt() {
    ResetRequest huge = ResetRequest.of(List.of(4, 5)).withHeaderCount(0x80000001L);
    for (String release : List.of("6.6.20", "6.6.45", "6.6.87", "6.10.3", "6.11.11")) {
      ResetResult r = Analysis.of(card(), kernel(release)).hotReset(CALLER, huge);
      assertThat(r.errno()).as(release).contains(Errno.ENOMEM);
      assertThat(r.trace().toString())
          .as(release)
          .contains("arrives as -2147483647")
          .contains("kcalloc");
    }
    for (String release : List.of("5.15.160", "6.12.0", "6.12.117", "6.17.1")) {
      ResetResult r = Analysis.of(card(), kernel(release)).hotReset(CALLER, huge);
      assertThat(r.errno()).as(release).contains(Errno.EINVAL);
      assertThat(r.trace().toString()).as(release).contains("compared unsigned");
    }
    ResetResult fine =
        Analysis.of(card(), kernel("6.6.45")).hotReset(CALLER, ResetRequest.of(List.of(4, 5)));
    assertThat(fine.errno()).as("the same fds with an honest count reset").isEmpty();
  }

  @Test
  void aCountClaimingMoreFdsThanPassedReadsPastTheArray() {
    ResetResult r =
        Analysis.of(card(), Profile.LINUX_6_12)
            .hotReset(CALLER, ResetRequest.of(List.of(4)).withHeaderCount(2));
    assertThat(r.errno()).contains(Errno.EFAULT);
    assertThat(lastFunction(r.trace())).isEqualTo("vfio_pci_ioctl_pci_hot_reset_groups");
  }

  @Test
  void theInfoCountIsUninitialisedOnlyBetweenTheBackportAndItsFix() {
    for (String release : List.of("6.6.36", "6.6.40", "6.9.7", "6.9.9")) {
      InfoResult r = Analysis.of(card(), kernel(release)).info(CALLER);
      assertThat(kernel(release).hasUninitialisedInfoCount()).as(release).isTrue();
      assertThat(r.trace().toString())
          .as(release)
          .contains("int count is not initialised")
          .contains("CONFIG_INIT_STACK_ALL_ZERO");
      assertThat(r.count()).as(release + ", zero-initialised stack").isEqualTo(2);
    }
    for (String release : List.of("6.6.35", "6.6.41", "6.9.6", "6.9.10", "6.10.0", "6.12.117")) {
      InfoResult r = Analysis.of(card(), kernel(release)).info(CALLER);
      assertThat(r.trace().toString()).as(release).doesNotContain("not initialised");
    }
  }

  /** A PF on vfio-pci with two VFs on its bus, bound to vfio-pci too. */
  private static Topology pfWithVfs() {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .function("0000:00:03.0", f -> f.bridge().group(3))
        .bus("0000:08", "0000:00:03.0")
        .function("0000:08:00.0", f -> f.vfio().group(80))
        .function("0000:08:00.1", f -> f.vfio().group(81).virtfnOf("0000:08:00.0"))
        .function("0000:08:00.2", f -> f.vfio().group(82).virtfnOf("0000:08:00.0"))
        .holder(
            "qemu",
            h ->
                h.container(3, "c")
                    .group(4, 80, "c")
                    .group(5, 81, "c")
                    .group(7, 82, "c")
                    .device(6, "0000:08:00.0"))
        .build();
  }

  @Test
  void vfsGetDevSetsOfTheirOwnFromTheSeparationOn() {
    Bdf vf = Bdf.parse("0000:08:00.1");
    ResetRequest all = ResetRequest.of(List.of(4, 5, 7));
    for (String release : List.of("6.6.100", "6.10.0", "6.12.41", "6.16.3")) {
      Analysis a = Analysis.of(pfWithVfs(), kernel(release));
      assertThat(a.devSet(vf).orElseThrow().key().kind()).as(release).isEqualTo(DevSet.KeyKind.BUS);
      ResetResult r = a.hotReset(CALLER, all);
      assertThat(r.errno()).as(release + ": every group passed, all in bus 08's dev_set").isEmpty();
      assertThat(r.trace().toString()).doesNotContain("is an SR-IOV VF");
    }
    for (String release : List.of("6.12.42", "6.12.117", "6.17.0")) {
      Analysis a = Analysis.of(pfWithVfs(), kernel(release));
      assertThat(a.devSet(vf).orElseThrow().key().kind())
          .as(release)
          .isEqualTo(DevSet.KeyKind.SINGLETON);
      ResetResult r = a.hotReset(CALLER, all);
      assertThat(r.errno()).as(release).contains(Errno.EINVAL);
      assertThat(lastFunction(r.trace())).isEqualTo("vfio_pci_dev_set_resettable");
    }
    ResetResult asVf =
        Analysis.of(
                pfWithVfs()
                    .withHolders(
                        new TopologyBuilder()
                            .holder(
                                "qemu",
                                h ->
                                    h.container(3, "c").group(5, 81, "c").device(6, "0000:08:00.1"))
                            .build()
                            .holders()),
                Profile.LINUX_6_17)
            .hotReset(CALLER, ResetRequest.of(List.of(5)));
    assertThat(asVf.trace().toString()).contains("is an SR-IOV VF").contains("dev_set of its own");
  }

  @Test
  void theInstalledSourceHasTheBehavioursItsProfileModels() throws Exception {
    assumeTrue(KernelSource.unavailable().isEmpty(), () -> KernelSource.unavailable().get());
    KernelRelease release = KernelSource.release();
    Profile p = Profile.forKernel(release);
    String core = KernelSource.read("drivers/vfio/pci/vfio_pci_core.c");
    boolean u32 =
        Pattern.compile(
                "vfio_pci_ioctl_pci_hot_reset_groups\\(struct vfio_pci_core_device \\*vdev,\\s*u32 array_count")
            .matcher(core)
            .find();
    assertThat(p.comparesGroupCountUnsigned()).as(release + ": u32 array_count").isEqualTo(u32);
    String info =
        KernelSource.functionBody(core, "vfio_pci_ioctl_get_pci_hot_reset_info").orElseThrow();
    boolean initialised = Pattern.compile("int ret, count = 0;").matcher(info).find();
    assertThat(p.hasUninitialisedInfoCount())
        .as(release + ": count initialised")
        .isEqualTo(!initialised);
    String register =
        KernelSource.functionBody(core, "vfio_pci_core_register_device").orElseThrow();
    boolean vfOwn = register.contains("pci_is_root_bus(pdev->bus) || pdev->is_virtfn");
    assertThat(p.givesVfOwnDevSet()).as(release + ": VF dev_set").isEqualTo(vfOwn);
    String cdev = KernelSource.read("drivers/vfio/device_cdev.c");
    String bind = KernelSource.functionBody(cdev, "vfio_df_ioctl_bind_iommufd").orElseThrow();
    boolean flagsRefused = bind.contains("bind.flags ||");
    assertThat(p.checksVfTokenOnBind()).as(release + ": bind flags").isEqualTo(!flagsRefused);
  }
}
