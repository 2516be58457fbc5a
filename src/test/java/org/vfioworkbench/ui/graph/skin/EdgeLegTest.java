package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Bounds;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import org.junit.jupiter.api.Test;

class EdgeLegTest {

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
  }

  @Test
  void movingALegPlacesItsStripAgain() {
    EdgeLeg l = new EdgeLeg(10, 40, 110, 40);

    l.moveTo(5, 5, 5, 25);

    assertThat(strip(l)).containsExactly(4.1, 4.1, 1.8, 21.8);
    assertThat(l.isVertical()).isTrue();
    assertThat(new double[] {l.startX(), l.startY(), l.endX(), l.endY()})
        .containsExactly(5, 5, 5, 25);
  }

  @Test
  void aDashedLegIsFilledWithOneDashAndItsGapAlongItAndTurnsItsPatternWhenItTurns() {
    EdgeLeg l = new EdgeLeg(10, 40, 110, 40);
    ((javafx.css.StyleableProperty<Number[]>) dashes(l)).applyStyle(null, new Number[] {5, 4});

    ImagePattern across = (ImagePattern) l.getFill();
    assertThat(across.getWidth()).isEqualTo(9);
    assertThat(across.getImage().getPixelReader().getColor(4, 0)).isEqualTo(Color.BLACK);
    assertThat(across.getImage().getPixelReader().getColor(5, 0).getOpacity()).isZero();
    assertThat(across.getImage().getPixelReader().getColor(0, 5)).isEqualTo(Color.BLACK);

    l.moveTo(10, 40, 10, 140);

    ImagePattern down = (ImagePattern) l.getFill();
    assertThat(down.getHeight()).isEqualTo(9);
    assertThat(down.getImage().getPixelReader().getColor(0, 4)).isEqualTo(Color.BLACK);
    assertThat(down.getImage().getPixelReader().getColor(0, 5).getOpacity()).isZero();
    assertThat(down.getImage().getPixelReader().getColor(5, 0)).isEqualTo(Color.BLACK);
  }

  @SuppressWarnings("unchecked")
  private static javafx.beans.value.WritableValue<Number[]> dashes(EdgeLeg l) {
    return (javafx.beans.value.WritableValue<Number[]>)
        EdgeLeg.getClassCssMetaData().stream()
            .filter(m -> m.getProperty().equals("-vw-leg-dashes"))
            .findFirst()
            .map(m -> ((javafx.css.CssMetaData<EdgeLeg, ?>) m).getStyleableProperty(l))
            .orElseThrow();
  }
}
