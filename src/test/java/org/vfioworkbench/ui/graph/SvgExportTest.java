package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.ui.files.BuiltInSamples;

class SvgExportTest {

  @Test
  void svgCarriesEveryChipHolderAndScope() {
    GraphModel m = GraphLayout.compute(Analysis.of(BuiltInSamples.seedCase()));
    String svg = SvgExport.render(m);
    assertThat(svg)
        .startsWith("<svg")
        .contains("02:00.0")
        .contains("02:00.1")
        .contains("qemu-vm1")
        .contains("bus 02 reset (2)")
        .contains("stroke-dasharray")
        .endsWith("</svg>\n");
  }

  @Test
  void largeHostsWrapWideBusesIntoRows() {
    GraphModel m =
        GraphLayout.compute(Analysis.of(org.vfioworkbench.ui.files.BuiltInSamples.largeHost(2000)));
    assertThat(m.functions()).hasSizeGreaterThanOrEqualTo(2000);
    for (GraphModel.FunctionNode a : m.functions()) {
      assertThat(a.box().x()).isGreaterThanOrEqualTo(0);
    }
    long overlapping =
        m.functions().stream()
            .limit(300)
            .filter(
                a -> m.functions().stream().anyMatch(b -> b != a && a.box().intersects(b.box())))
            .count();
    assertThat(overlapping).isZero();
  }
}
