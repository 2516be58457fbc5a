package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.FdKind;
import org.vfioworkbench.ui.graph.GraphModel.Point;

class EdgeBundleTest {

  static FdEdge edge(int fd, FdKind kind, double... xy) {
    List<Point> p = new ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      p.add(new Point(xy[i], xy[i + 1]));
    }
    return new FdEdge(
        new FdRef("qemu", fd),
        kind,
        p,
        Optional.of(Bdf.parse("0000:02:00.0")),
        OptionalInt.empty());
  }

  /** Two edges of one holder: down its channel, along it, down the corridor; then apart. */
  static final FdEdge A =
      edge(4, FdKind.DEVICE, 100, 0, 100, 10, 50, 10, 50, 100, 10, 100, 10, 120);

  static final FdEdge B = edge(5, FdKind.DEVICE, 100, 0, 100, 10, 50, 10, 50, 80, 30, 80, 30, 90);

  private static final FdRef FA = A.fd();
  private static final FdRef FB = B.fd();

  @Test
  void aStretchTwoEdgesShareIsOneLegThatKnowsBothFds() {
    List<EdgeBundle.Leg> legs = new EdgeBundle("qemu", List.of(A, B)).legs();

    FdKind d = FdKind.DEVICE;
    assertThat(legs)
        .containsExactlyInAnyOrder(
            new EdgeBundle.Leg(d, 100, 0, 100, 10, Set.of(FA, FB)),
            new EdgeBundle.Leg(d, 50, 10, 100, 10, Set.of(FA, FB)),
            new EdgeBundle.Leg(d, 50, 10, 50, 100, Set.of(FA, FB)),
            new EdgeBundle.Leg(d, 10, 100, 50, 100, Set.of(FA)),
            new EdgeBundle.Leg(d, 10, 100, 10, 120, Set.of(FA)),
            new EdgeBundle.Leg(d, 30, 80, 50, 80, Set.of(FB)),
            new EdgeBundle.Leg(d, 30, 80, 30, 90, Set.of(FB)));
  }

  @Test
  void legsOfAnotherKindOrApartOnTheirLineAreNotJoined() {
    FdEdge group = edge(6, FdKind.GROUP, 100, 0, 100, 10, 50, 10);
    FdEdge later = edge(7, FdKind.DEVICE, 100, 20, 100, 30);

    List<EdgeBundle.Leg> legs = new EdgeBundle("qemu", List.of(A, group, later)).legs();

    assertThat(legs)
        .filteredOn(l -> l.x1() == 100 && l.isVertical())
        .extracting(EdgeBundle.Leg::kind, EdgeBundle.Leg::y1, EdgeBundle.Leg::y2)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(FdKind.DEVICE, 0.0, 10.0),
            org.assertj.core.groups.Tuple.tuple(FdKind.GROUP, 0.0, 10.0),
            org.assertj.core.groups.Tuple.tuple(FdKind.DEVICE, 20.0, 30.0));
  }

  /**
   * Random orthogonal routes on a coarse grid (so that they share and cross stretches): every leg
   * of every route lies on a leg of its kind that names its fd, and no two legs of one kind on one
   * line overlap or touch.
   */
  @Test
  void everyRouteIsDrawnAndNoStretchTwice() {
    Random r = new Random(11);
    for (int round = 0; round < 200; round++) {
      List<FdEdge> edges = new ArrayList<>();
      int n = 1 + r.nextInt(8);
      for (int i = 0; i < n; i++) {
        double[] xy = new double[2 * (2 + r.nextInt(6))];
        xy[0] = 10 * r.nextInt(6);
        xy[1] = 10 * r.nextInt(6);
        for (int k = 2; k < xy.length; k += 2) {
          boolean vertical = r.nextBoolean();
          xy[k] = vertical ? xy[k - 2] : 10 * r.nextInt(6);
          xy[k + 1] = vertical ? 10 * r.nextInt(6) : xy[k - 1];
        }
        edges.add(edge(i, r.nextInt(4) == 0 ? FdKind.GROUP : FdKind.DEVICE, xy));
      }
      List<EdgeBundle.Leg> legs = new EdgeBundle("qemu", edges).legs();

      for (FdEdge e : edges) {
        for (int k = 0; k + 1 < e.points().size(); k++) {
          Point a = e.points().get(k);
          Point b = e.points().get(k + 1);
          if (!a.equals(b)) {
            assertThat(legs).as("round %d, %s leg %d", round, e.fd(), k).anyMatch(covers(e, a, b));
          }
        }
      }
      for (int i = 0; i < legs.size(); i++) {
        for (int j = i + 1; j < legs.size(); j++) {
          assertThat(overlapOrTouch(legs.get(i), legs.get(j)))
              .as("round %d: %s and %s", round, legs.get(i), legs.get(j))
              .isFalse();
        }
      }
    }
  }

  private static java.util.function.Predicate<EdgeBundle.Leg> covers(FdEdge e, Point a, Point b) {
    return l ->
        l.kind() == e.kind()
            && l.fds().contains(e.fd())
            && within(a, l)
            && within(b, l)
            && (a.x() == b.x() ? l.x1() == l.x2() : l.y1() == l.y2());
  }

  private static boolean within(Point p, EdgeBundle.Leg l) {
    return p.x() >= l.x1() && p.x() <= l.x2() && p.y() >= l.y1() && p.y() <= l.y2();
  }

  private static boolean overlapOrTouch(EdgeBundle.Leg a, EdgeBundle.Leg b) {
    if (a.kind() != b.kind()) {
      return false;
    }
    if (a.isVertical() && b.isVertical() && a.x1() == b.x1()) {
      return a.y1() <= b.y2() && b.y1() <= a.y2();
    }
    if (!a.isVertical() && !b.isVertical() && a.y1() == b.y1()) {
      return a.x1() <= b.x2() && b.x1() <= a.x2();
    }
    return false;
  }
}
