package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.Test;

class LegPaintsTest {

  private static final Color BLUE = Color.web("#0369a1");

  private static String runs(Paint p, boolean vertical) {
    ImagePattern ip = (ImagePattern) p;
    PixelReader r = ip.getImage().getPixelReader();
    int n = (int) ip.getWidth();
    assertThat(ip.getHeight()).as("a square tile, whichever way the leg runs").isEqualTo(n);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Color c = vertical ? r.getColor(0, i) : r.getColor(i, 0);
      s.append(c.getOpacity() == 0 ? '.' : c.equals(BLUE) ? '#' : '?');
      for (int across = 1; across < n; across++) {
        Color same = vertical ? r.getColor(across, i) : r.getColor(i, across);
        assertThat(same).as("the same across the leg").isEqualTo(c);
      }
    }
    return s.toString();
  }

  @Test
  void aSolidLegIsFilledWithItsColourAndAPaintThatIsNoColourIsUsedAsItIs() {
    assertThat(LegPaints.of(BLUE, new Number[0], false)).isSameAs(BLUE);
    Paint gradient = LinearGradient.valueOf("linear-gradient(to right, red, blue)");
    assertThat(LegPaints.of(gradient, new Number[] {5, 4}, false)).isSameAs(gradient);
  }

  @Test
  void dashesAndGapsAreLaidInTurnRoundedToWholePixelsAndAnOddListRepeats() {
    assertThat(runs(LegPaints.of(BLUE, new Number[] {5, 4}, false), false)).isEqualTo("#####....");
    assertThat(runs(LegPaints.of(BLUE, new Number[] {2.4, 1, 1, 3}, true), true))
        .isEqualTo("##.#...");
    assertThat(runs(LegPaints.of(BLUE, new Number[] {2, 1, 3}, false), false))
        .isEqualTo("##.###..#...");
    assertThat(runs(LegPaints.of(BLUE, new Number[] {0.2, 3}, false), false)).isEqualTo("#...");
  }

  @Test
  void mergedDashesAreTheColourAtTheDashesShareOfThePatternWhicheverWayTheLegRuns() {
    Color half = Color.color(0.2, 0.4, 0.6, 0.5);

    assertThat(LegPaints.of(half, new Number[] {5, 4}, false, true))
        .isEqualTo(Color.color(0.2, 0.4, 0.6, 0.5 * 5 / 9))
        .isSameAs(LegPaints.of(half, new Number[] {5, 4}, true, true));
    assertThat(LegPaints.of(BLUE, new Number[] {2, 1, 3}, false, true))
        .as("an odd list repeats: 2 1 3 2 1 3, dashes 2 + 3 + 1 of 12")
        .isEqualTo(BLUE.deriveColor(0, 1, 1, 6.0 / 12));
    assertThat(LegPaints.of(BLUE, new Number[0], false, true)).isSameAs(BLUE);
    assertThat(LegPaints.of(BLUE, new Number[] {5, 4}, false, false))
        .isInstanceOf(ImagePattern.class);
  }

  @Test
  void legsThatLookAlikeShareOnePattern() {
    Paint a = LegPaints.of(BLUE, new Number[] {5, 4}, true);
    int made = LegPaints.made();

    Paint b = LegPaints.of(Color.web("#0369a1"), new Number[] {5.0, 4.0}, true);

    assertThat(b).isSameAs(a);
    assertThat(LegPaints.made()).isEqualTo(made);
    assertThat(LegPaints.of(BLUE, new Number[] {5, 4}, false)).isNotSameAs(a);
  }
}
