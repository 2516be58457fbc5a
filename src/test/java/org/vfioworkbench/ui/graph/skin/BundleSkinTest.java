package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.ui.graph.skin.EdgeBundleTest.A;
import static org.vfioworkbench.ui.graph.skin.EdgeBundleTest.B;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.FdKind;
import org.vfioworkbench.ui.graph.GraphModel.Point;

public class BundleSkinTest {

  private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");

  /**
   * The legs of {@code e}'s route that {@code b} does not draw: a leg is drawn when one of the
   * bundle's legs on its line, in its kind's style, spans it and names its fd.
   */
  public static List<String> uncoveredLegs(BundleSkin b, FdEdge e) {
    List<String> missing = new ArrayList<>();
    List<EdgeLeg> drawn = b.legNodes();
    String kind = "fd-edge-" + e.kind().name().toLowerCase();
    for (int k = 0; k + 1 < e.points().size(); k++) {
      Point p = e.points().get(k);
      Point q = e.points().get(k + 1);
      boolean found = false;
      for (int i = 0; i < drawn.size() && !found; i++) {
        EdgeLeg l = drawn.get(i);
        found =
            l.getStyleClass().contains(kind)
                && b.fdsOf(i).contains(e.fd())
                && on(p, l)
                && on(q, l)
                && (p.x() == q.x()) == (l.startX() == l.endX());
      }
      if (!found && !p.equals(q)) {
        missing.add(p + " \u2192 " + q);
      }
    }
    return missing;
  }

  private static boolean on(Point p, EdgeLeg l) {
    return p.x() >= Math.min(l.startX(), l.endX())
        && p.x() <= Math.max(l.startX(), l.endX())
        && p.y() >= Math.min(l.startY(), l.endY())
        && p.y() <= Math.max(l.startY(), l.endY());
  }

  @Test
  void drawsEverySharedStretchOnceInTheBundleStyle() {
    BundleSkin s = new BundleSkin(new EdgeBundle("qemu", List.of(A, B)));

    assertThat(s.getChildren()).hasSize(7);
    assertThat(s.legNodes())
        .allMatch(l -> l.getStyleClass().containsAll(List.of("fd-edge", "fd-edge-device")))
        .allMatch(l -> l.getStyleClass().contains("fd-edge-bundle"));
    assertThat(uncoveredLegs(s, A)).isEmpty();
    assertThat(uncoveredLegs(s, B)).isEmpty();
    assertThat(uncoveredLegs(s, EdgeBundleTest.edge(9, FdKind.DEVICE, 100, 0, 100, 10)))
        .as("an fd not in the bundle")
        .isNotEmpty();
  }

  @Test
  void aLegFadesOrHidesOnlyWhenNoFocusedFdRunsAlongIt() {
    BundleSkin s = new BundleSkin(new EdgeBundle("qemu", List.of(A, B)));

    s.fade(fd -> fd.equals(A.fd()), 0.25, false);

    for (int i = 0; i < s.getChildren().size(); i++) {
      Node leg = s.getChildren().get(i);
      boolean withA = s.fdsOf(i).contains(A.fd());
      assertThat(leg.getOpacity()).as("leg %d", i).isEqualTo(withA ? 1.0 : 0.25);
      assertThat(leg.isVisible()).isTrue();
    }
    assertThat(s.getOpacity()).as("the group stays opaque (no offscreen pass)").isEqualTo(1.0);

    s.fade(fd -> fd.equals(A.fd()), 0.25, true);

    for (int i = 0; i < s.getChildren().size(); i++) {
      Node leg = s.getChildren().get(i);
      boolean withA = s.fdsOf(i).contains(A.fd());
      assertThat(leg.isVisible()).as("leg %d", i).isEqualTo(withA);
      assertThat(leg.getOpacity()).isEqualTo(1.0);
    }
  }

  @Test
  void aReshapeMovesTheLegsInPlaceAndGivesNewOnesTheFadeAndLight() {
    BundleSkin s = new BundleSkin(new EdgeBundle("qemu", List.of(B)));
    s.fade(fd -> false, 0.25, false);
    s.setLit(true);
    Node first = s.getChildren().get(0);

    assertThat(s.reshape(new EdgeBundle("qemu", List.of(A, B)))).isTrue();

    assertThat(s.getChildren()).hasSize(7).first().isSameAs(first);
    assertThat(s.getChildren())
        .allMatch(n -> n.getOpacity() == 0.25)
        .allMatch(n -> n.getPseudoClassStates().contains(LIT));
    assertThat(uncoveredLegs(s, A)).isEmpty();
    assertThat(uncoveredLegs(s, B)).isEmpty();

    FdEdge group = EdgeBundleTest.edge(4, FdKind.GROUP, 100, 0, 100, 10);
    assertThat(s.reshape(new EdgeBundle("qemu", List.of(group)))).isTrue();
    assertThat(s.getChildren()).hasSize(1).first().isSameAs(first);
    assertThat(first.getStyleClass()).contains("fd-edge-group").doesNotContain("fd-edge-device");
    assertThat(uncoveredLegs(s, group)).isEmpty();
  }

  @Test
  void aReshapeLeavesTheLegsThatDidNotMoveUntouched() {
    FdEdge c = EdgeBundleTest.edge(6, FdKind.GROUP, 200, 0, 200, 40, 260, 40);
    BundleSkin s = new BundleSkin(new EdgeBundle("qemu", List.of(c, A)));
    java.util.Map<String, Node> before = new java.util.HashMap<>();
    s.legNodes().forEach(l -> before.put(place(l), l));

    // A moves 7 down (an expand above it); c stays, and now comes after A in the bundle's order
    FdEdge a2 = EdgeBundleTest.edge(4, FdKind.DEVICE, 100, 7, 100, 17, 50, 17, 50, 107, 10, 107);
    assertThat(s.reshape(new EdgeBundle("qemu", List.of(a2, c)))).isTrue();

    for (EdgeLeg l : s.legNodes()) {
      if (l.getStyleClass().contains("fd-edge-group")) {
        assertThat(l).as("c's leg %s", place(l)).isSameAs(before.get(place(l)));
      }
    }
    assertThat(s.legNodes()).hasSize(before.size() - 1);
    assertThat(uncoveredLegs(s, a2)).isEmpty();
    assertThat(uncoveredLegs(s, c)).isEmpty();
    for (int i = 0; i < s.legNodes().size(); i++) {
      boolean group = s.legNodes().get(i).getStyleClass().contains("fd-edge-group");
      assertThat(s.fdsOf(i)).as("leg %d", i).containsExactly(group ? c.fd() : a2.fd());
    }
  }

  private static String place(EdgeLeg l) {
    return l.startX() + "," + l.startY() + "-" + l.endX() + "," + l.endY();
  }

  @Test
  void anotherHoldersBundleIsNotReshaped() {
    BundleSkin s = new BundleSkin(new EdgeBundle("qemu", List.of(A)));

    assertThat(s.reshape(new EdgeBundle("other", List.of(A)))).isFalse();
    assertThat(s.bundle().holder()).isEqualTo("qemu");
  }
}
