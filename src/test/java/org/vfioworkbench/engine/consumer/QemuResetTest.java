package org.vfioworkbench.engine.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioLoader;

/**
 * QEMU's reset of an assigned device on the bundled samples: the lines it prints are the ones users
 * report (issue 13 quotes them), built from QEMU's format strings; the arrays it sends are the ones
 * its backends build.
 */
class QemuResetTest {

  private static Analysis sample(String name) throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("sample-topologies", name));
    return Analysis.of(s.topology(), s.profileOrDefault());
  }

  @Test
  void formatStringsAreQemusWordForWord() {
    assertEquals(
        "vfio: Cannot reset device 0000:15:00.6, depends on group 28 which is not owned.",
        QemuMessages.groupNotOwned(Bdf.parse("0000:15:00.6"), 28));
    assertEquals(
        "vfio: Cannot reset device 0000:02:00.0, depends on device 0000:02:00.1 which is not"
            + " owned.",
        QemuMessages.deviceNotOwned(Bdf.parse("0000:02:00.0"), Bdf.parse("0000:02:00.1")));
    assertEquals(
        "vfio: Cannot reset device 0000:00:1f.3, no available reset mechanism.",
        QemuMessages.noResetMechanism(Bdf.parse("0000:00:1f.3")));
    assertEquals(
        "vfio: hot reset info failed: No space left on device",
        QemuMessages.hotResetInfoFailed(Errno.ENOSPC));
  }

  @Test
  void seedLegacySideRefusesWithoutCallingTheKernel() throws Exception {
    Analysis a = sample("s19-seed-cdev-and-type1-group.json");
    QemuOutcome o = QemuReset.deviceReset(a, new FdRef("qemu-legacy", 5));
    assertEquals(QemuBackend.LEGACY, o.backend());
    assertEquals(
        List.of("vfio: Cannot reset device 0000:02:00.1, depends on group 20 which is not owned."),
        o.printed());
    assertTrue(o.request().isEmpty(), "QEMU stops before VFIO_DEVICE_PCI_HOT_RESET");
    assertFalse(o.reset());
  }

  @Test
  void seedCdevSideNamesTheDeviceItCannotVouchFor() throws Exception {
    Analysis a = sample("s19-seed-cdev-and-type1-group.json");
    QemuOutcome o = QemuReset.deviceReset(a, new FdRef("qemu-cdev", 4));
    assertEquals(QemuBackend.IOMMUFD, o.backend());
    assertEquals(
        List.of(
            "vfio: Cannot reset device 0000:02:00.0, depends on device 0000:02:00.1 which is not"
                + " owned."),
        o.printed());
    assertTrue(o.request().isEmpty());
  }

  @Test
  void dummyFunctionReportReproducesTheReportedLine() throws Exception {
    Analysis a = sample("s39-dummy-function-report.json");
    FdRef caller = a.deviceFds().get(0);
    QemuOutcome o = QemuReset.deviceReset(a, caller);
    assertEquals(
        List.of("vfio: Cannot reset device 0000:15:00.6, depends on group 28 which is not owned."),
        o.printed());
  }

  @Test
  void rootBusFunctionHasNoResetMechanism() throws Exception {
    Analysis a = sample("s23-root-bus-integrated-function.json");
    QemuOutcome o = QemuReset.deviceReset(a, a.deviceFds().get(0));
    assertEquals(
        List.of("vfio: Cannot reset device 0000:00:1f.3, no available reset mechanism."),
        o.printed());
    assertEquals(QemuOutcome.Method.NONE, o.method());
  }

  @Test
  void aPmResetSilencesTheNotOwnedLineAndIsUsedLast() throws Exception {
    Analysis a = sample("s19-seed-cdev-and-type1-group.json");
    QemuOutcome o =
        QemuReset.deviceReset(a, new FdRef("qemu-legacy", 5), new ResetCapabilities(false, true));
    assertTrue(o.printed().isEmpty());
    assertEquals(QemuOutcome.Method.PM_RESET, o.method());
  }

  @Test
  void legacyPassesEveryHeldGroupNewestFirst() throws Exception {
    Analysis a = sample("s10-unopened-group-mate.json");
    QemuOutcome o = QemuReset.deviceReset(a, a.deviceFds().get(0));
    assertEquals(QemuOutcome.Method.HOT_RESET, o.method());
    assertEquals(List.of(6, 4), o.request().orElseThrow().fds());
    assertTrue(o.kernel().orElseThrow().succeeded());
  }

  @Test
  void iommufdBackendSendsTheZeroLengthArray() throws Exception {
    Analysis a = sample("s16-cdev-shared-group-owned.json");
    QemuOutcome o = QemuReset.deviceReset(a, a.deviceFds().get(0));
    assertEquals(QemuOutcome.Method.HOT_RESET, o.method());
    assertEquals(0, o.request().orElseThrow().count());
  }

  @Test
  void singleResetLeavesAnotherAssignedDeviceForTheSystemReset() throws Exception {
    Analysis a = sample("s14-cdev-both-functions.json");
    FdRef caller = new FdRef("qemu", 4);
    QemuOutcome single = QemuReset.deviceReset(a, caller);
    assertTrue(single.request().isEmpty(), "single: refused before the call, nothing printed");
    assertTrue(single.printed().isEmpty());
    QemuOutcome multi = QemuReset.systemReset(a, caller, ResetCapabilities.NONE);
    assertEquals(QemuOutcome.Method.HOT_RESET, multi.method());
    assertEquals(2, multi.kernel().orElseThrow().reset().size());
  }

  @Test
  void systemResetDoesNothingWhenNoOtherAssignedDeviceIsAffected() throws Exception {
    Analysis a = sample("s10-unopened-group-mate.json");
    QemuOutcome multi = QemuReset.systemReset(a, a.deviceFds().get(0), ResetCapabilities.NONE);
    assertTrue(multi.request().isEmpty());
    assertFalse(multi.reset());
  }

  @Test
  void aDeviceAloneInItsScopeUsesVfioDeviceReset() throws Exception {
    Analysis a = sample("s26-bridge-in-the-scope.json");
    QemuOutcome o = QemuReset.deviceReset(a, new FdRef("qemu", 7));
    assertEquals(QemuOutcome.Method.DEVICE_RESET, o.method());
    assertTrue(o.request().isEmpty());
  }

  @Test
  void libvirtRefusesABusResetNextToAnActiveFunction() throws Exception {
    Analysis a = sample("s11-native-driver-companion.json");
    Bdf fn0 = Bdf.parse("0000:02:00.0");
    Bdf fn1 = Bdf.parse("0000:02:00.1");
    // Detached but unassigned: nobody holds fn0 any more; fn1 stays on its native driver.
    var released = org.vfioworkbench.engine.KernelCalls.release(a.topology(), fn0).orElseThrow();
    var onStub =
        released.withFunction(fn0, f -> f.withDriver(org.vfioworkbench.model.Driver.PCI_STUB));
    LibvirtOutcome o = LibvirtReset.reset(onStub, fn0, ResetCapabilities.NONE);
    assertFalse(o.succeeded());
    assertEquals(
        "internal error: Unable to reset PCI device 0000:02:00.0: internal error: Active"
            + " 0000:02:00.1 devices on bus with 0000:02:00.0, not doing bus reset",
        o.error().orElseThrow());
    assertEquals(
        "Active 0000:03:00.0 devices on bus with 0000:03:00.1, not doing bus reset",
        String.format(
            LibvirtMessages.ACTIVE_ON_BUS, Bdf.parse("0000:03:00.0"), Bdf.parse("0000:03:00.1")));
  }

  @Test
  void libvirtSkipsVfioDevicesAndResetsTheBusWhenTheRestIsInactive() throws Exception {
    Analysis a = sample("s11-native-driver-companion.json");
    Bdf fn0 = Bdf.parse("0000:02:00.0");
    Bdf fn1 = Bdf.parse("0000:02:00.1");
    LibvirtOutcome active = LibvirtReset.reset(a.topology(), fn0, ResetCapabilities.NONE);
    assertEquals(
        "internal error: Not resetting active device 0000:02:00.0", active.error().orElseThrow());
    var t = org.vfioworkbench.engine.KernelCalls.release(a.topology(), fn0).orElseThrow();
    LibvirtOutcome skipped = LibvirtReset.reset(t, fn0, ResetCapabilities.NONE);
    assertTrue(skipped.succeeded() && skipped.reset().isEmpty(), "vfio-pci resets it itself");
    t =
        t.withFunction(fn0, f -> f.withDriver(org.vfioworkbench.model.Driver.PCI_STUB))
            .withFunction(fn1, f -> f.withDriver(org.vfioworkbench.model.Driver.PCI_STUB));
    LibvirtOutcome o = LibvirtReset.reset(t, fn0, ResetCapabilities.NONE);
    assertTrue(o.succeeded());
    assertEquals(List.of(fn0, fn1), o.reset());
  }
}
