package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.graph.GraphModel;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.FdKind;
import org.vfioworkbench.ui.graph.GraphModel.Point;

/**
 * The edges of one holder drawn as one line (a big host's overview), as one bundle: the router runs
 * a holder's edges in the holder's own tracks, so where they share a stretch of a track (its
 * channel, the corridor, a column or a gap between rows) they lie on top of one another. {@link
 * #legs} draws each such stretch once.
 *
 * @param holder the holder
 * @param edges its edges, in the model's order
 */
public record EdgeBundle(String holder, List<FdEdge> edges) {

  public EdgeBundle {
    edges = List.copyOf(edges);
  }

  /**
   * The bundles of a laid-out graph: one for each compact holder that has edges, with its edges in
   * the model's order; the holders in the order their first edge comes.
   */
  public static List<EdgeBundle> ofCompactHolders(GraphModel m) {
    Set<String> compact = new java.util.HashSet<>();
    m.holders().stream().filter(GraphModel.HolderNode::compact).forEach(h -> compact.add(h.name()));
    Map<String, List<FdEdge>> byHolder = new LinkedHashMap<>();
    for (FdEdge e : m.fdEdges()) {
      if (compact.contains(e.fd().holder())) {
        byHolder.computeIfAbsent(e.fd().holder(), h -> new ArrayList<>()).add(e);
      }
    }
    List<EdgeBundle> out = new ArrayList<>();
    byHolder.forEach((h, es) -> out.add(new EdgeBundle(h, es)));
    return out;
  }

  /**
   * One stretch of the bundle: a leg from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2}),
   * left to right or top to bottom, drawn in the style of {@code kind}.
   *
   * @param fds the fds whose edges run along it (a leg is shown in full while any of them is)
   */
  public record Leg(FdKind kind, double x1, double y1, double x2, double y2, Set<FdRef> fds) {

    public Leg {
      fds = Set.copyOf(fds);
    }

    public boolean isVertical() {
      return x1 == x2 && y1 != y2;
    }
  }

  /**
   * The bundle's legs: the legs of all its edges, those of one kind on one line joined where they
   * overlap or touch, so that no stretch is drawn twice; each knows the fds whose edges run along
   * it. Every point of every edge's route lies on a leg of its kind. A leg that is neither
   * horizontal nor vertical (the router makes none) is kept as it is.
   */
  public List<Leg> legs() {
    Map<Line, List<Span>> lines = new LinkedHashMap<>();
    for (FdEdge e : edges) {
      List<Point> p = e.points();
      for (int i = 0; i + 1 < p.size(); i++) {
        Point a = p.get(i);
        Point b = p.get(i + 1);
        if (a.equals(b)) {
          continue;
        }
        Line line;
        Span s;
        if (a.x() == b.x()) {
          line = new Line(e.kind(), 'x', a.x(), null, null);
          s = new Span(Math.min(a.y(), b.y()), Math.max(a.y(), b.y()), e.fd());
        } else if (a.y() == b.y()) {
          line = new Line(e.kind(), 'y', a.y(), null, null);
          s = new Span(Math.min(a.x(), b.x()), Math.max(a.x(), b.x()), e.fd());
        } else {
          line = new Line(e.kind(), 's', 0, a, b);
          s = new Span(0, 0, e.fd());
        }
        lines.computeIfAbsent(line, k -> new ArrayList<>()).add(s);
      }
    }
    List<Leg> legs = new ArrayList<>();
    for (Map.Entry<Line, List<Span>> l : lines.entrySet()) {
      Line line = l.getKey();
      List<Span> spans = l.getValue();
      if (line.axis() == 's') {
        legs.add(
            new Leg(
                line.kind(), line.a().x(), line.a().y(), line.b().x(), line.b().y(), fdsOf(spans)));
        continue;
      }
      double at = line.at();
      boolean vertical = line.axis() == 'x';
      spans.sort(Comparator.comparingDouble(Span::from));
      int first = 0;
      double to = spans.get(0).to();
      for (int i = 1; i <= spans.size(); i++) {
        if (i < spans.size() && spans.get(i).from() <= to) {
          to = Math.max(to, spans.get(i).to());
          continue;
        }
        double from = spans.get(first).from();
        Set<FdRef> fds = fdsOf(spans.subList(first, i));
        legs.add(
            vertical
                ? new Leg(line.kind(), at, from, at, to, fds)
                : new Leg(line.kind(), from, at, to, at, fds));
        if (i < spans.size()) {
          first = i;
          to = spans.get(i).to();
        }
      }
    }
    return legs;
  }

  /**
   * One line legs run on: of a kind, at {@code x} ({@code axis} 'x', vertical) or {@code y} ('y',
   * horizontal) = {@code at}; a slanted leg ('s') from {@code a} to {@code b} is a line of its own.
   */
  private record Line(FdKind kind, char axis, double at, Point a, Point b) {}

  private record Span(double from, double to, FdRef fd) {}

  /** The fds of {@code spans}, each once, as an immutable set (the leg keeps it as it is). */
  private static Set<FdRef> fdsOf(List<Span> spans) {
    if (spans.size() == 1) {
      return Set.of(spans.get(0).fd());
    }
    java.util.Collection<FdRef> fds =
        spans.size() <= 8 ? new ArrayList<>(spans.size()) : new java.util.HashSet<>();
    for (Span s : spans) {
      if (!fds.contains(s.fd())) {
        fds.add(s.fd());
      }
    }
    return Set.of(fds.toArray(FdRef[]::new));
  }
}
