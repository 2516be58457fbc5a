package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The scroll bars' thumbs: shown only where the graph goes on out of view, and where. */
class ScrollSpanTest {

  @Test
  void aViewThatShowsTheWholeAxisHasNoBar() {
    assertThat(ScrollSpan.of(-10, 120, 0, 100, 400)).isEmpty();
    assertThat(ScrollSpan.of(0, 100, 0, 100, 400)).isEmpty();
  }

  @Test
  void theTopQuarterOfAGraphIsAQuarterOfTheTrackAtItsStart() {
    ScrollSpan s = ScrollSpan.of(0, 250, 0, 1000, 400).orElseThrow();

    assertThat(s.thumbStart()).isEqualTo(0);
    assertThat(s.thumbLength()).isEqualTo(100);
    // 750 graph units of room over 300 pixels of free track
    assertThat(s.graphPerPixel()).isEqualTo(2.5);
  }

  @Test
  void theBottomOfTheGraphPutsTheThumbAtTheTrackEnd() {
    ScrollSpan s = ScrollSpan.of(750, 250, 0, 1000, 400).orElseThrow();

    assertThat(s.thumbEnd()).isCloseTo(400, within(1e-9));
  }

  @Test
  void aViewPannedBeyondTheGraphWidensTheExtentSoTheThumbShrinksAndStaysOnTheTrack() {
    ScrollSpan s = ScrollSpan.of(900, 250, 0, 1000, 400).orElseThrow();

    assertThat(s.thumbLength()).isCloseTo(400 * 250 / 1150.0, within(1e-9));
    assertThat(s.thumbEnd()).isCloseTo(400, within(1e-9));
  }

  @Test
  void aThumbOnAVeryTallGraphKeepsSomethingToTakeHoldOf() {
    ScrollSpan s = ScrollSpan.of(0, 10, 0, 100_000, 400).orElseThrow();

    assertThat(s.thumbLength()).isEqualTo(ScrollSpan.MIN_THUMB);
    assertThat(s.thumbStart() + s.graphPerPixel() * (400 - ScrollSpan.MIN_THUMB))
        .isCloseTo(100_000 - 10, within(1e-6));
  }
}
