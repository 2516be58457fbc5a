package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.files.BundledSamples;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.graph.GraphModel.BusNode;

/**
 * A graph that is no overview opens without the platform functions on its root buses (host and ISA
 * bridges, DMA engines, I/O APICs, uncore registers), as a real server's scan would otherwise be a
 * wall of them; the bar of each bus says how many it leaves out, and nothing a VFIO user needs (an
 * open or vfio-bound function, a group mate of a device one could pass) is left out.
 */
class GraphLayoutPlatformFoldTest {

  /**
   * A small server as a scan sees it: on bus 00 a host bridge, a DMA engine, an I/O APIC bound to
   * vfio-pci, an ISA bridge sharing its group with HD audio, a root port with a NIC below; on bus
   * 7f only the processor's uncore registers.
   */
  static Topology server() {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .function("0000:00:00.0", f -> f.ids(0x8086, 0x3c00, 0x060000).describe("Host bridge"))
        .function("0000:00:01.0", f -> f.bridge().group(1).describe("PCIe root port"))
        .function(
            "0000:00:04.0",
            f -> f.nativeDriver("ioatdma").group(5).ids(0x8086, 0x3c20, 0x088000).describe("DMA"))
        .function(
            "0000:00:05.4", f -> f.vfio().group(6).ids(0x8086, 0x3c2c, 0x080020).describe("APIC"))
        .function(
            "0000:00:1f.0",
            f -> f.nativeDriver("lpc_ich").group(12).ids(0x8086, 0x1d41, 0x060100).describe("LPC"))
        .function(
            "0000:00:1f.3",
            f -> f.vfio().group(12).ids(0x8086, 0x1d20, 0x040300).describe("HD audio"))
        .bus("0000:02", "0000:00:01.0")
        .function(
            "0000:02:00.0", f -> f.vfio().group(20).ids(0x8086, 0x1521, 0x020000).describe("NIC"))
        .rootBus("0000:7f")
        .function("0000:7f:08.0", f -> f.ids(0x8086, 0x3c80, 0x088000).describe("QPI Link 0"))
        .function("0000:7f:0e.1", f -> f.ids(0x8086, 0x3c46, 0x110100).describe("Home Agent PMON"))
        .function("0000:7f:13.0", f -> f.ids(0x8086, 0x3ce4, 0x088000).describe("R2PCIe"))
        .build();
  }

  @Test
  void aServerOpensWithoutItsQuietPlatformFunctions() {
    Analysis a = Analysis.of(server());
    assertThat(GraphLayout.opensAsOverview(a)).isFalse();
    assertThat(GraphLayout.defaultFolded(a))
        .containsExactlyInAnyOrder(
            Bdf.parse("0000:00:00.0"),
            Bdf.parse("0000:00:04.0"),
            Bdf.parse("0000:7f:08.0"),
            Bdf.parse("0000:7f:0e.1"),
            Bdf.parse("0000:7f:13.0"));
  }

  @Test
  void busBarsCountWhatTheyLeaveOutAndAnEmptyOneStillSaysSo() {
    Analysis a = Analysis.of(server());
    GraphModel m = GraphLayout.compute(a, Set.of(), GraphLayout.defaultFolded(a), h -> false);
    assertThat(m.function(Bdf.parse("0000:00:04.0"))).isEmpty();
    assertThat(m.function(Bdf.parse("0000:00:1f.0")))
        .as("an LPC sharing audio's group")
        .isPresent();
    assertThat(m.function(Bdf.parse("0000:00:05.4"))).as("bound to vfio-pci").isPresent();
    BusNode bus00 = bar(m, "0000:00");
    assertThat(bus00.folded()).isEqualTo(2);
    assertThat(bus00.fold()).isEqualTo(GraphModel.Fold.PLATFORM);
    assertThat(bus00.caption())
        .isEqualTo("bus 0000:00 (root bus) \u00b7 2 platform functions not shown");
    BusNode bus7f = bar(m, "0000:7f");
    assertThat(bus7f.folded()).isEqualTo(3);
    assertThat(bus7f.fittedCaption()).contains("3 not shown");
    assertThat(TextMetrics.width(bus7f.fittedCaption()))
        .isLessThanOrEqualTo(bus7f.box().w() - BusNode.CAPTION_PAD);
    assertThat(SvgExport.render(m))
        .as("an exported picture says what it leaves out")
        .contains("bus 0000:00 (root bus) \u00b7 2 platform functions not shown")
        .contains("bus 0000:7f \u00b7 3 not shown");
  }

  @Test
  void selectingALeftOutFunctionDrawsIt() {
    Analysis a = Analysis.of(server());
    Set<Bdf> folded = new HashSet<>(GraphLayout.defaultFolded(a));
    Set<Bdf> collapsed = new HashSet<>();
    assertThat(GraphLayout.reveal(a, Bdf.parse("0000:7f:0e.1"), collapsed, folded)).isTrue();
    GraphModel m = GraphLayout.compute(a, collapsed, folded, h -> false);
    assertThat(m.function(Bdf.parse("0000:7f:0e.1"))).isPresent();
    assertThat(bar(m, "0000:7f").folded()).isEqualTo(2);
  }

  @Test
  void aBarTooNarrowForItsCaptionShowsAShorterForm() {
    BusNode narrow =
        new BusNode(
            BusAddress.parse("0000:00"),
            new Box(0, 0, 156, 14),
            true,
            false,
            13,
            GraphModel.Fold.PLATFORM);
    assertThat(narrow.caption())
        .isEqualTo("bus 0000:00 (root bus) \u00b7 13 platform functions not shown");
    assertThat(narrow.fittedCaption()).isEqualTo("bus 0000:00");
    BusNode wide =
        new BusNode(
            BusAddress.parse("0000:00"),
            new Box(0, 0, 1200, 14),
            true,
            false,
            13,
            GraphModel.Fold.PLATFORM);
    assertThat(wide.fittedCaption()).isEqualTo(wide.caption());
    BusNode plain =
        new BusNode(
            BusAddress.parse("0000:02"),
            new Box(0, 0, 156, 14),
            false,
            false,
            0,
            GraphModel.Fold.PLATFORM);
    assertThat(plain.fittedCaption()).isEqualTo("bus 0000:02");
  }

  @Test
  void theBundledSamplesLeaveNothingOut() throws ScenarioException {
    for (Sample s : BundledSamples.list()) {
      Analysis a = Analysis.of(s.source().read().topology());
      if (!GraphLayout.opensAsOverview(a)) {
        assertThat(GraphLayout.defaultFolded(a)).as(s.name()).isEmpty();
      }
    }
  }

  @Test
  void aBigHostWhereNothingIsOpenOpensAroundWhatIsBoundToVfioPci() {
    Topology held = BuiltInSamples.largeHost(2000);
    Topology t = held.withHolders(List.of()).withContainers(List.of()).withIommufds(List.of());
    Analysis a = Analysis.of(t);
    assertThat(GraphLayout.opensAsOverview(a)).isTrue();
    assertThat(a.devices().values()).noneMatch(d -> d.isOpen());
    GraphModel m = opened(a);
    assertThat(m.functions()).as("an overview with something in it").isNotEmpty();
    for (GraphModel.FunctionNode f : m.functions()) {
      assertThat(holdsVfioBound(t, f.bdf()))
          .as("%s is bound to vfio-pci or has such a function below it", f.bdf())
          .isTrue();
    }
    assertThat(m.buses().stream().filter(b -> b.folded() > 0))
        .isNotEmpty()
        .allMatch(b -> b.fold() == GraphModel.Fold.NOTHING_VFIO_BOUND)
        .allMatch(b -> b.caption().contains("with nothing bound to vfio-pci not shown"));
  }

  @Test
  void aBigHostWithNothingForVfioOpensWithOnlyItsPlatformFunctionsLeftOut() {
    Topology held = BuiltInSamples.largeHost(2000);
    Topology t =
        held.withHolders(List.of())
            .withContainers(List.of())
            .withIommufds(List.of())
            .withFunctions(
                held.functions().stream()
                    .map(f -> f.isBridge() ? f : f.withDriver(Driver.nativeDriver("igb")))
                    .toList());
    Analysis a = Analysis.of(t);
    assertThat(GraphLayout.defaultFolded(a))
        .as("the generated host has no platform class")
        .isEmpty();
    GraphModel m = opened(a);
    int onRootBuses = 0;
    for (int seg : a.pci().segments()) {
      for (BusAddress root : a.pci().rootBuses(seg)) {
        onRootBuses += a.pci().functionsOn(root).size();
      }
    }
    assertThat(m.functions()).as("every root-bus function drawn").hasSize(onRootBuses);
  }

  private static GraphModel opened(Analysis a) {
    return GraphLayout.compute(
        a, GraphLayout.defaultCollapsed(a), GraphLayout.defaultFolded(a), h -> true);
  }

  private static boolean holdsVfioBound(Topology t, Bdf b) {
    Analysis a = Analysis.of(t);
    PciFunction f = t.function(b).orElseThrow();
    if (f.driver().kind() == DriverKind.VFIO_PCI) {
      return true;
    }
    return a.pci().subordinateOf(b).map(bus -> busHoldsVfioBound(a, bus)).orElse(false);
  }

  private static boolean busHoldsVfioBound(Analysis a, BusAddress bus) {
    for (PciFunction f : a.pci().functionsOn(bus)) {
      if (f.driver().kind() == DriverKind.VFIO_PCI
          || a.pci().subordinateOf(f.bdf()).map(s -> busHoldsVfioBound(a, s)).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static BusNode bar(GraphModel m, String bus) {
    return m.buses().stream()
        .filter(b -> b.bus().equals(BusAddress.parse(bus)) && !b.continued())
        .findFirst()
        .orElseThrow();
  }
}
