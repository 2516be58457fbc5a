package org.vfioworkbench.ui.docking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The splits as proportions: the graph's least share, and a closed region's space. */
class SplitRatiosTest {

  @Test
  void aSavedLayoutThatSqueezedTheGraphIsWidenedToItsLeastShare() {
    SplitRatios r = SplitRatios.of(new double[] {0.30, 0.66, 0.6, 0.5});
    assertThat(r.right() - r.left()).isGreaterThanOrEqualTo(SplitRatios.MIN_GRAPH - 1e-9);
  }

  @Test
  void brokenDividersGiveTheDefaults() {
    assertThat(SplitRatios.of(new double[] {Double.NaN, 0.7, 0.6, 0.5}))
        .isEqualTo(SplitRatios.DEFAULTS);
    assertThat(SplitRatios.of(new double[] {0.2})).isEqualTo(SplitRatios.DEFAULTS);
  }

  @Test
  void aMissingRegionsSpaceGoesToItsNeighbour() {
    SplitRatios r = SplitRatios.DEFAULTS;
    assertThat(r.dividers(new boolean[] {true, true, true}, r.left(), r.right()))
        .containsExactly(r.left(), r.right());
    assertThat(r.dividers(new boolean[] {true, true, false}, r.left(), r.right()))
        .containsExactly(r.left());
    assertThat(r.dividers(new boolean[] {false, true, true}, r.left(), r.right()))
        .containsExactly(r.right());
    assertThat(r.dividers(new boolean[] {true, false}, r.bottomSplit())).isEmpty();
  }
}
