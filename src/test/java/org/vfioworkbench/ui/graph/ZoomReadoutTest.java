package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tool bar's zoom read-out, and when it says that chips show no text. */
class ZoomReadoutTest {

  @Test
  void aReadableZoomReadsAsAPercentage() {
    assertThat(ZoomReadout.says(0.298)).isEqualTo("30 %");
    assertThat(ZoomReadout.says(1.0)).isEqualTo("100 %");
  }

  @Test
  void belowTheZoomWhereAnyChipShowsTextItSaysColoursOnly() {
    assertThat(ZoomReadout.says(0.071)).isEqualTo("7 % \u00b7 colours only");
    assertThat(ZoomReadout.says(TopologyGraphView.TEXT_FROM)).doesNotContain("colours only");
  }
}
