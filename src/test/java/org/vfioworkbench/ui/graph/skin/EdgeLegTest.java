package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.Test;

class EdgeLegTest {

  private static final PseudoClass VERTICAL = PseudoClass.getPseudoClass("vertical");

  private static double[] strip(EdgeLeg l) {
    return new double[] {l.getX(), l.getY(), l.getWidth(), l.getHeight()};
  }

  @Test
  void aLegIsAStripAlongItRunningHalfItsThicknessPastEachEndWhicheverWayItRuns() {
    EdgeLeg right = new EdgeLeg(10, 40, 110, 40);
    EdgeLeg left = new EdgeLeg(110, 40, 10, 40);

    assertThat(strip(right)).containsExactly(9.1, 39.1, 101.8, 1.8);
    assertThat(strip(left)).containsExactly(strip(right));
    assertThat(right.isVertical()).isFalse();
    assertThat(right.getPseudoClassStates()).doesNotContain(VERTICAL);
    assertThat(right.getStroke()).isNull();
  }

  @Test
  void theLegsOfARouteMeetAtItsCorner() {
    EdgeLeg down = new EdgeLeg(10, 0, 10, 40);
    EdgeLeg across = new EdgeLeg(10, 40, 80, 40);

    Bounds a = down.getBoundsInLocal();
    Bounds b = across.getBoundsInLocal();
    assertThat(a.getMaxY()).isCloseTo(b.getMaxY(), within(1e-4));
    assertThat(a.getMinX()).isCloseTo(b.getMinX(), within(1e-4));
    assertThat(down.isVertical()).isTrue();
    assertThat(down.getPseudoClassStates()).contains(VERTICAL);
  }

  @Test
  void movingALegPlacesItsStripAgain() {
    EdgeLeg l = new EdgeLeg(10, 40, 110, 40);

    l.moveTo(5, 5, 5, 25);

    assertThat(strip(l)).containsExactly(4.1, 4.1, 1.8, 21.8);
    assertThat(l.getPseudoClassStates()).contains(VERTICAL);
    assertThat(new double[] {l.startX(), l.startY(), l.endX(), l.endY()})
        .containsExactly(5, 5, 5, 25);
  }
}
