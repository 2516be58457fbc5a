package org.vfioworkbench.engine.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.diagnostics.Diagnostic.Kind;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;
import org.vfioworkbench.model.TopologyBuilder.FunctionSpec;

/** Each diagnostic kind, from small topologies, with a state next to it that does not have it. */
class DiagnosticsTest {

  private static final String FN0 = "0000:02:00.0";
  private static final String FN1 = "0000:02:00.1";

  /** Root port 00:1c.0 → bus 02 with a two-function card; groups and drivers as given. */
  private static TopologyBuilder card(
      int groupFn0, Consumer<FunctionSpec> fn0, int groupFn1, Consumer<FunctionSpec> fn1) {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .function("0000:00:1c.0", f -> f.bridge().group(1).describe("Root Port"))
        .bus("0000:02", "0000:00:1c.0")
        .function(
            FN0,
            f -> {
              f.group(groupFn0).describe("fn0");
              fn0.accept(f);
            })
        .function(
            FN1,
            f -> {
              f.group(groupFn1).describe("fn1");
              fn1.accept(f);
            });
  }

  private static List<Diagnostic> of(Topology t, Kind kind) {
    return Diagnostics.of(Analysis.of(t), kind);
  }

  @Test
  void aDmaApiDriverInAVfioGroupMakesItNonViable() {
    Topology bad = card(20, FunctionSpec::vfio, 20, f -> f.nativeDriver("snd_hda_intel")).build();
    Topology good = card(20, FunctionSpec::vfio, 20, FunctionSpec::vfio).build();

    assertThat(of(bad, Kind.NON_VIABLE_GROUP))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.subject()).isEqualTo(new Subject.Function(Bdf.parse(FN1)));
              assertThat(d.message()).contains("group 20 is not viable").contains("snd_hda_intel");
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
            });
    assertThat(of(good, Kind.NON_VIABLE_GROUP)).isEmpty();
  }

  @Test
  void aGroupWithoutVfioFunctionIsNotReportedAsNonViable() {
    Topology t = card(20, f -> f.nativeDriver("e1000e"), 20, f -> f.nativeDriver("e1000e")).build();
    assertThat(of(t, Kind.NON_VIABLE_GROUP)).isEmpty();
  }

  @Test
  void aFunctionOnTheRootBusCanNeverBeReset() {
    Topology t =
        new TopologyBuilder()
            .rootBus("0000:00")
            .function("0000:00:1f.3", f -> f.group(9).vfio())
            .build();
    assertThat(of(t, Kind.NEVER_RESETTABLE))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.subject()).isEqualTo(new Subject.Function(Bdf.parse("0000:00:1f.3")));
              assertThat(d.message()).contains("-ENODEV");
            });
  }

  @Test
  void aScopeReachingOutsideTheDevSetCanNeverBeReset() {
    Topology bad = card(20, FunctionSpec::vfio, 21, f -> f.nativeDriver("snd_hda_intel")).build();
    Topology good = card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio).build();
    assertThat(of(bad, Kind.NEVER_RESETTABLE))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.subject()).isEqualTo(new Subject.Function(Bdf.parse(FN1)));
              assertThat(d.message()).contains("not in the dev-set");
            });
    assertThat(of(good, Kind.NEVER_RESETTABLE)).isEmpty();
  }

  @Test
  void aHolderMissingAGroupOfTheScopeHasAConflictWithTheRemedy() {
    Topology missing =
        card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio)
            .holder("q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
            .build();
    Topology both =
        card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio)
            .holder(
                "q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0).group(6, 21, "c"))
            .build();

    assertThat(of(missing, Kind.OWNERSHIP_CONFLICT))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.subject()).isEqualTo(new Subject.File(new FdRef("q", 5)));
              assertThat(d.message())
                  .contains("-EINVAL")
                  .contains("it would succeed after opening groups [21]");
            });
    assertThat(of(both, Kind.OWNERSHIP_CONFLICT)).isEmpty();
  }

  @Test
  void aDeviceHeldByAnotherProcessIsAConflictWithoutRemedy() {
    Topology t =
        card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio)
            .holder("q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
            .holder("p", h -> h.container(3, "d").group(4, 21, "d").device(5, FN1))
            .build();
    List<Diagnostic> conflicts = of(t, Kind.OWNERSHIP_CONFLICT);
    assertThat(conflicts)
        .extracting(Diagnostic::subject)
        .containsExactly(new Subject.File(new FdRef("q", 5)), new Subject.File(new FdRef("p", 5)));
    assertThat(conflicts).allSatisfy(d -> assertThat(d.message()).doesNotContain("would succeed"));
    assertThat(of(t, Kind.UNHELD_DEVICE_BLOCKS_RESET)).isEmpty();
  }

  @Test
  void anUnheldVfioDeviceWhoseGroupIsNotInTheArrayBlocksTheReset() {
    Topology missing =
        card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio)
            .holder("q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
            .build();
    Topology groupHeld =
        card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio)
            .holder(
                "q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0).group(6, 21, "c"))
            .build();

    assertThat(of(missing, Kind.UNHELD_DEVICE_BLOCKS_RESET))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.subject()).isEqualTo(new Subject.Function(Bdf.parse(FN1)));
              assertThat(d.message())
                  .contains("nobody holds it")
                  .contains("group 21 is not in the array");
            });
    assertThat(of(groupHeld, Kind.UNHELD_DEVICE_BLOCKS_RESET)).isEmpty();
  }

  @Test
  void anUnheldDeviceOutsideTheCallersIommufdBlocksTheEmptyArray() {
    Topology t =
        card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio)
            .holder("q", h -> h.iommufd(3, "A").cdev(4, FN0, "A"))
            .build();
    assertThat(of(t, Kind.UNHELD_DEVICE_BLOCKS_RESET))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("no device of group 21 is bound into A"));

    Topology owned =
        card(20, FunctionSpec::vfio, 20, FunctionSpec::vfio)
            .holder("q", h -> h.iommufd(3, "A").cdev(4, FN0, "A"))
            .build();
    assertThat(of(owned, Kind.UNHELD_DEVICE_BLOCKS_RESET)).isEmpty();
  }

  @Test
  void aGroupOpenInTwoProcessesIsAStateTheKernelCannotReach() {
    Topology t =
        card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio)
            .holder("q", h -> h.container(3, "c").group(4, 20, "c"))
            .holder("p", h -> h.container(3, "d").group(4, 20, "d"))
            .build();
    assertThat(of(t, Kind.KERNEL_REFUSAL))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.subject()).isEqualTo(new Subject.File(new FdRef("p", 4)));
              assertThat(d.message()).contains("-EBUSY");
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
            });
    Topology once =
        card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio)
            .holder("q", h -> h.container(3, "c").group(4, 20, "c"))
            .build();
    assertThat(of(once, Kind.KERNEL_REFUSAL)).isEmpty();
  }

  @Test
  void vfioPciOnABridgeIsARefusedBind() {
    Topology t = card(20, FunctionSpec::vfio, 21, FunctionSpec::vfio).build();
    Topology bridgeOnVfio =
        t.withFunction(
            Bdf.parse("0000:00:1c.0"),
            f -> f.withDriver(t.function(Bdf.parse(FN0)).orElseThrow().driver()));
    assertThat(of(bridgeOnVfio, Kind.KERNEL_REFUSAL))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.subject()).isEqualTo(new Subject.Function(Bdf.parse("0000:00:1c.0"))));
    assertThat(of(t, Kind.KERNEL_REFUSAL)).isEmpty();
  }

  @Test
  void aDeviceFdInANonViableGroupIsReportedOnTheFd() {
    Topology bad =
        card(20, FunctionSpec::vfio, 20, f -> f.nativeDriver("snd_hda_intel"))
            .holder("q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
            .build();
    Topology unbound =
        card(20, FunctionSpec::vfio, 20, f -> f.nativeDriver("snd_hda_intel"))
            .holder("q", h -> h.cdevUnbound(3, FN0))
            .build();

    assertThat(of(bad, Kind.DEVICE_FD_IN_NON_VIABLE_GROUP))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.subject()).isEqualTo(new Subject.File(new FdRef("q", 5)));
              assertThat(d.message()).contains("group 20 is not viable").contains("0000:02:00.1");
            });
    assertThat(of(unbound, Kind.DEVICE_FD_IN_NON_VIABLE_GROUP)).isEmpty();
  }

  @Test
  void kindsHaveStableDistinctCodes() {
    assertThat(Kind.ofCode("ownership-conflict")).contains(Kind.OWNERSHIP_CONFLICT);
    assertThat(List.of(Kind.values()).stream().map(Kind::code).distinct())
        .hasSize(Kind.values().length);
  }
}
