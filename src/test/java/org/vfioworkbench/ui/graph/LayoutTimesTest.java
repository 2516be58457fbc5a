package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A layout is expected to take as long as the quickest of the latest few took per function drawn:
 * one slow layout (the machine busy, or made in the background beside the FX and render threads)
 * does not make the next one look slow, but a host whose layouts all grow slower is believed.
 */
class LayoutTimesTest {

  private final LayoutTimes times = new LayoutTimes();

  @Test
  void nothingIsExpectedBeforeTheFirstLayout() {
    assertThat(times.expected(100)).isEqualTo(Long.MAX_VALUE);
    times.add(5_000_000, 1_000);
    times.clear();
    assertThat(times.expected(100)).as("another host").isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void theExpectedTimeScalesWithTheFunctionsDrawn() {
    times.add(5_000_000, 1_000);
    assertThat(times.expected(1_000)).isEqualTo(5_000_000);
    assertThat(times.expected(1_500)).isEqualTo(7_500_000);
  }

  @Test
  void oneSlowLayoutDoesNotMakeTheNextLookSlow() {
    times.add(5_000_000, 1_000);
    times.add(18_000_000, 1_000);
    assertThat(times.expected(1_000)).isEqualTo(5_000_000);
    times.add(15_000_000, 1_000);
    assertThat(times.expected(1_000)).as("nor do a few").isEqualTo(5_000_000);
  }

  @Test
  void layoutsThatAllGrowSlowerAreBelieved() {
    times.add(5_000_000, 1_000);
    for (int i = 0; i < LayoutTimes.KEPT - 1; i++) {
      times.add(20_000_000, 1_000);
    }
    assertThat(times.expected(1_000))
        .as("the quick one is still among the latest")
        .isEqualTo(5_000_000);
    times.add(20_000_000, 1_000);
    assertThat(times.expected(1_000)).as("it is not any more").isEqualTo(20_000_000);
  }

  @Test
  void aLayoutThatDrewNothingTellsNothing() {
    times.add(1_000, 0);
    assertThat(times.expected(10)).isEqualTo(Long.MAX_VALUE);
  }
}
