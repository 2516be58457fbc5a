package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.FdKind;
import org.vfioworkbench.ui.graph.GraphModel.Point;

class FdEdgeSkinTest {

  private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");

  private static FdEdge edge(Point... route) {
    return new FdEdge(
        new FdRef("qemu", 9),
        FdKind.DEVICE,
        List.of(route),
        Optional.of(Bdf.parse("0000:02:00.0")),
        OptionalInt.empty());
  }

  /** An L-shaped route from (600, 40) down, left across the graph and down into a chip. */
  private static final FdEdge ACROSS =
      edge(new Point(600, 40), new Point(600, 60), new Point(20, 60), new Point(20, 400));

  @Test
  void eachLegIsAThinStripNotTheRectangleTheCornersSpan() {
    FdEdgeSkin s = new FdEdgeSkin(ACROSS);

    assertThat(s.getChildren()).hasSize(3).allMatch(n -> n instanceof EdgeLeg);
    for (Node leg : s.getChildren()) {
      Bounds b = leg.getBoundsInLocal();
      assertThat(Math.min(b.getWidth(), b.getHeight())).as("a leg's thin side").isLessThan(4);
      assertThat(leg.getStyleClass()).contains(FdEdgeSkin.LEG, "fd-edge-device");
    }
    assertThat(s.points()).containsExactly(600.0, 40.0, 600.0, 60.0, 20.0, 60.0, 20.0, 400.0);
  }

  @Test
  void fadingSetsEachLegsOpacityAndLeavesTheGroupOpaqueSoItIsNotPaintedOffscreen() {
    FdEdgeSkin s = new FdEdgeSkin(ACROSS);

    s.fade(0.25);

    assertThat(s.getOpacity()).isEqualTo(1.0);
    assertThat(s.getChildren()).allMatch(n -> n.getOpacity() == 0.25);
  }

  @Test
  void aRerouteWithMoreLegsGivesTheNewOnesTheEdgesFadeLightAndStyle() {
    FdEdgeSkin s = new FdEdgeSkin(edge(new Point(0, 0), new Point(0, 50)));
    s.fade(0.25);
    s.setLit(true);
    Node first = s.getChildren().get(0);

    assertThat(s.reshape(ACROSS)).isTrue();

    assertThat(s.getChildren()).hasSize(3).first().isSameAs(first);
    assertThat(s.getChildren())
        .allMatch(n -> n.getOpacity() == 0.25)
        .allMatch(n -> n.getPseudoClassStates().contains(LIT))
        .allMatch(n -> n.getStyleClass().containsAll(List.of(FdEdgeSkin.LEG, "fd-edge-device")));
    assertThat(s.points()).containsExactly(600.0, 40.0, 600.0, 60.0, 20.0, 60.0, 20.0, 400.0);

    assertThat(s.reshape(edge(new Point(5, 5), new Point(5, 9)))).isTrue();
    assertThat(s.getChildren()).hasSize(1).first().isSameAs(first);
  }

  @Test
  void anEdgeToAnotherEndIsNotReshaped() {
    FdEdgeSkin s = new FdEdgeSkin(ACROSS);
    FdEdge elsewhere =
        new FdEdge(
            new FdRef("qemu", 9),
            FdKind.DEVICE,
            ACROSS.points(),
            Optional.of(Bdf.parse("0000:02:00.1")),
            OptionalInt.empty());

    assertThat(s.reshape(elsewhere)).isFalse();
  }
}
