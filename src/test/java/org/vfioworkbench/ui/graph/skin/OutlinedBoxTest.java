package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeType;
import org.junit.jupiter.api.Test;

class OutlinedBoxTest {

  private static double[] drawn(OutlinedBox b) {
    return new double[] {b.getX(), b.getY(), b.getWidth(), b.getHeight(), b.getArcWidth()};
  }

  @Test
  void theOutlineIsACentredStrokeOnTheBoxGrownByHalfItsWidthSoItLiesOutsideTheBox() {
    OutlinedBox b = new OutlinedBox(10, 20, 100, 40, 16);
    b.setStroke(Color.RED);

    b.setStrokeWidth(2);

    assertThat(b.getStrokeType()).isEqualTo(StrokeType.CENTERED);
    assertThat(drawn(b)).containsExactly(9, 19, 102, 42, 18);
    assertThat(b.getArcHeight()).isEqualTo(18);
    // the stroke's inner edge is the box itself
    assertThat(b.getX() + b.getStrokeWidth() / 2).isEqualTo(10);
    assertThat(b.getX() + b.getWidth() - b.getStrokeWidth() / 2).isEqualTo(110);
  }

  @Test
  void itIsPlacedAgainWhenTheOutlineWidensOrGoesAndSquareCornersStaySquare() {
    OutlinedBox b = new OutlinedBox(0, 0, 34, 14, 0);
    b.setStroke(Color.RED);

    b.setStrokeWidth(4);
    assertThat(drawn(b)).containsExactly(-2, -2, 38, 18, 0);

    b.setStroke(null);
    assertThat(drawn(b)).containsExactly(0, 0, 34, 14, 0);
  }
}
