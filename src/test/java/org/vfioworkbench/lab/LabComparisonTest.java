package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.lab.guest.GuestReport;
import org.vfioworkbench.lab.guest.GuestReport.CallOutcome;
import org.vfioworkbench.lab.guest.GuestReport.GuestEntry;
import org.vfioworkbench.lab.guest.GuestReport.GuestFunction;
import org.vfioworkbench.lab.guest.GuestReport.OpenOutcome;
import org.vfioworkbench.model.FdRef;

/** The comparison on hand-made guest reports: what the guest of a seed run would send. */
class LabComparisonTest {

  private static final FdRef FN0 = new FdRef("qemu-cdev", 4);
  private static final FdRef FN1 = new FdRef("qemu-legacy", 5);

  private final LabCase seed =
      new LabCase(
          "seed",
          LabFixtures.seed(),
          Profile.DEFAULT,
          List.of(
              new LabCall.Info(FN0, OptionalLong.empty()),
              new LabCall.Info(FN1, OptionalLong.empty()),
              new LabCall.Reset(FN0, List.of(), OptionalLong.empty(), 0, "zero-length array")));
  private final GuestLayout layout = QemuMapper.map(LabFixtures.seed());

  private static List<GuestFunction> functions(int g0, int g1) {
    return List.of(
        new GuestFunction("0000:00:1c.0", "0000:00:1c.0", "1b36:000c", 1, "pcieport", ""),
        new GuestFunction("0000:02:00.0", "0000:01:00.0", "8086:10d3", g0, "vfio-pci", ""),
        new GuestFunction("0000:02:00.1", "0000:01:00.1", "8086:10d3", g1, "vfio-pci", ""));
  }

  private static List<OpenOutcome> opens() {
    return List.of(
        new OpenOutcome("qemu-cdev", 3, 40, 0, null, -1),
        new OpenOutcome("qemu-cdev", 4, 41, 0, null, 7),
        new OpenOutcome("qemu-legacy", 3, 42, 0, null, -1),
        new OpenOutcome("qemu-legacy", 4, 43, 0, null, -1),
        new OpenOutcome("qemu-legacy", 5, 44, 0, null, -1));
  }

  private static List<CallOutcome> calls(long fn1Id, int resetRet) {
    List<CallOutcome> out = new ArrayList<>();
    out.add(
        new CallOutcome(
            "c0",
            0,
            0,
            1,
            2,
            List.of(new GuestEntry("0000:01:00.0", 7), new GuestEntry("0000:01:00.1", fn1Id)),
            10));
    out.add(
        new CallOutcome(
            "c1",
            0,
            0,
            0,
            2,
            List.of(new GuestEntry("0000:01:00.0", 4), new GuestEntry("0000:01:00.1", 5)),
            10));
    out.add(new CallOutcome("c2", resetRet, -resetRet, -1, -1, List.of(), 10));
    return out;
  }

  private LabOutcome compare(GuestReport r) {
    return LabComparison.compare(
        seed, layout, new GuestRun(r, Duration.ofSeconds(10), Duration.ofSeconds(8), ""));
  }

  @Test
  void guestNumbersAreTranslatedBackAndTheSeedAgrees() {
    LabOutcome o =
        compare(
            new GuestReport(
                "Linux version 6.12.117",
                functions(4, 5),
                opens(),
                calls(0xFFFF_FFFFL, -22),
                null));

    assertThat(o.status()).isEqualTo(LabStatus.VERIFIED);
    assertThat(o.calls().get(0).kernel().entries())
        .containsExactly("0000:02:00.0=devid of 0000:02:00.0", "0000:02:00.1=NOT_OWNED");
    assertThat(o.calls().get(1).kernel().entries())
        .containsExactly("0000:02:00.0=group 20", "0000:02:00.1=group 21");
  }

  @Test
  void aDifferentEntryOrErrnoIsADisagreementNamingTheField() {
    LabOutcome o =
        compare(
            new GuestReport("Linux version 6.12.117", functions(4, 5), opens(), calls(0, 0), null));

    assertThat(o.status()).isEqualTo(LabStatus.DISAGREES);
    assertThat(o.calls().get(0).differences())
        .singleElement()
        .asString()
        .startsWith("entries: engine");
    assertThat(o.calls().get(2).differences())
        .contains("ret: engine -22, kernel 0", "errno: engine EINVAL, kernel none");
  }

  @Test
  void aGuestThatGroupsDifferentlyFailsSetupInsteadOfComparing() {
    LabOutcome o =
        compare(
            new GuestReport(
                "Linux version 6.12.117",
                functions(4, 4),
                opens(),
                calls(0xFFFF_FFFFL, -22),
                null));

    assertThat(o.status()).isEqualTo(LabStatus.SETUP_FAILED);
    assertThat(o.problems()).anyMatch(p -> p.startsWith("IOMMU grouping differs"));
    assertThat(o.calls()).isEmpty();
  }

  @Test
  void anOpenTheKernelRefusesIsReported() {
    List<OpenOutcome> opens = new ArrayList<>(opens());
    opens.set(4, new OpenOutcome("qemu-legacy", 5, -1, 16, "VFIO_GROUP_GET_DEVICE_FD", -1));

    LabOutcome o =
        compare(
            new GuestReport(
                "Linux version 6.12.117", functions(4, 5), opens, calls(0xFFFF_FFFFL, -22), null));

    assertThat(o.status()).isEqualTo(LabStatus.DISAGREES);
    assertThat(o.calls().get(0).call()).startsWith("setup: qemu-legacy opens fd 5");
  }
}
