package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.scene.Group;
import javafx.scene.Node;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.FdKind;

/**
 * A compact holder's edges, drawn as one bundle ({@link EdgeBundle}): a stretch that several of its
 * edges share is one {@link EdgeLeg}, not one per edge. On a big host's overview, where every
 * holder is compact, that is about half the legs, and every leg is a node that each frame walks and
 * a repaint paints.
 *
 * <p>Legs are styled as {@link FdEdgeSkin}'s ({@code fd-edge}, {@code fd-edge-<kind>}) and as a
 * bundle ({@code fd-edge-bundle}: fainter, thinner). A leg is faded or hidden only when none of the
 * fds whose edges run along it is in focus. Hovering any leg lights the whole bundle.
 */
public final class BundleSkin extends Group {

  private static final String BUNDLE = "fd-edge-bundle";

  private EdgeBundle bundle;
  private List<EdgeBundle.Leg> legs = List.of();
  private boolean lit;
  private Predicate<FdRef> shown = fd -> true;
  private double fadedOpacity = 1;
  private boolean hideFaded;

  public BundleSkin(EdgeBundle b) {
    getStyleClass().add("fd-edge-skin");
    setPickOnBounds(false);
    show(b);
    LazyTooltip.install(this, this::tooltip);
  }

  public EdgeBundle bundle() {
    return bundle;
  }

  /** The bundle's legs as drawn, in the order of its children. */
  public List<EdgeLeg> legNodes() {
    List<EdgeLeg> l = new ArrayList<>();
    getChildren().forEach(n -> l.add((EdgeLeg) n));
    return l;
  }

  /** The fds whose edges run along the {@code i}th leg drawn ({@link #legNodes}). */
  public Set<FdRef> fdsOf(int i) {
    return legs.get(i).fds();
  }

  /**
   * Shows {@code b}, the same holder's bundle after a layout change, in place: legs are moved and
   * restyled, and made or dropped only when there are more or fewer of them; returns whether it did
   * (false, changing nothing, for another holder's bundle).
   */
  public boolean reshape(EdgeBundle b) {
    if (!b.holder().equals(bundle.holder())) {
      return false;
    }
    show(b);
    return true;
  }

  /**
   * Shows {@code b}'s legs. A leg drawn before at the same place in the same kind keeps its node
   * untouched: on an expand most of a bundle does not move, and a leg that moves or is restyled
   * costs a bounds walk and a CSS pass. The other legs move nodes left over, of their kind first;
   * only what is still missing is made, and what is still left over is dropped.
   */
  private void show(EdgeBundle b) {
    bundle = b;
    List<EdgeBundle.Leg> next = b.legs();
    List<Node> kids = getChildren();
    Map<Place, Deque<Node>> drawnAt = new HashMap<>();
    for (int i = 0; i < kids.size(); i++) {
      drawnAt.computeIfAbsent(placeOf(legs.get(i)), k -> new ArrayDeque<>()).add(kids.get(i));
    }
    Map<Node, EdgeBundle.Leg> legOf = new IdentityHashMap<>();
    List<EdgeBundle.Leg> unplaced = new ArrayList<>();
    for (EdgeBundle.Leg l : next) {
      Deque<Node> same = drawnAt.get(placeOf(l));
      if (same != null && !same.isEmpty()) {
        legOf.put(same.poll(), l);
      } else {
        unplaced.add(l);
      }
    }
    Map<FdKind, Deque<EdgeLeg>> spare = new EnumMap<>(FdKind.class);
    for (int i = 0; i < kids.size(); i++) {
      if (!legOf.containsKey(kids.get(i))) {
        spare
            .computeIfAbsent(legs.get(i).kind(), k -> new ArrayDeque<>())
            .add((EdgeLeg) kids.get(i));
      }
    }
    List<EdgeLeg> added = new ArrayList<>();
    for (EdgeBundle.Leg l : unplaced) {
      EdgeLeg leg = takeSpare(spare, l.kind());
      if (leg == null) {
        leg = new EdgeLeg(l.x1(), l.y1(), l.x2(), l.y2());
        leg.getStyleClass().setAll(FdEdgeSkin.LEG, FdEdgeSkin.kindClass(l.kind()), BUNDLE);
        leg.pseudoClassStateChanged(FdEdgeSkin.LIT, lit);
        added.add(leg);
      } else {
        leg.moveTo(l.x1(), l.y1(), l.x2(), l.y2());
        String kind = FdEdgeSkin.kindClass(l.kind());
        if (!leg.getStyleClass().contains(kind)) {
          leg.getStyleClass().setAll(FdEdgeSkin.LEG, kind, BUNDLE);
        }
      }
      legOf.put(leg, l);
    }
    Set<Node> unused = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    spare.values().forEach(unused::addAll);
    if (!unused.isEmpty()) {
      kids.removeAll(unused);
    }
    kids.addAll(added);
    List<EdgeBundle.Leg> drawn = new ArrayList<>(kids.size());
    for (Node n : kids) {
      EdgeBundle.Leg l = legOf.get(n);
      drawn.add(l);
      fade(n, l);
    }
    legs = drawn;
  }

  /** A leg's kind and place, without the fds along it: what a node drawn for it shows. */
  private record Place(FdKind kind, double x1, double y1, double x2, double y2) {}

  private static Place placeOf(EdgeBundle.Leg l) {
    return new Place(l.kind(), l.x1(), l.y1(), l.x2(), l.y2());
  }

  /** A left-over leg node to reuse for a leg of {@code kind}: one of that kind if any. */
  private static EdgeLeg takeSpare(Map<FdKind, Deque<EdgeLeg>> spare, FdKind kind) {
    Deque<EdgeLeg> same = spare.get(kind);
    if (same != null && !same.isEmpty()) {
      return same.poll();
    }
    for (Deque<EdgeLeg> other : spare.values()) {
      if (!other.isEmpty()) {
        return other.poll();
      }
    }
    return null;
  }

  /**
   * Fades to {@code opacity} (or hides, when {@code hide}) every leg along which no edge of an fd
   * {@code inFocus} runs; shows the others in full. Called again with the same predicate object and
   * settings, it changes nothing and returns at once.
   */
  public void fade(Predicate<FdRef> inFocus, double opacity, boolean hide) {
    if (inFocus == shown && opacity == fadedOpacity && hide == hideFaded) {
      return; // every leg shows it already: show() fades each leg it places
    }
    shown = inFocus;
    fadedOpacity = opacity;
    hideFaded = hide;
    List<Node> kids = getChildren();
    for (int i = 0; i < kids.size(); i++) {
      fade(kids.get(i), legs.get(i));
    }
  }

  private void fade(Node leg, EdgeBundle.Leg l) {
    boolean in = false;
    for (FdRef fd : l.fds()) {
      if (shown.test(fd)) {
        in = true;
        break;
      }
    }
    leg.setOpacity(in || hideFaded ? 1 : fadedOpacity);
    leg.setVisible(in || !hideFaded);
  }

  /** Highlights the whole bundle (while the pointer is over it or its holder). */
  public void setLit(boolean on) {
    lit = on;
    FdEdgeSkin.lightLegs(this, on);
  }

  private String tooltip() {
    StringBuilder s = new StringBuilder(bundle.holder());
    for (FdEdge e : bundle.edges()) {
      s.append("\nfd ")
          .append(e.fd().fd())
          .append(" \u2192 ")
          .append(
              e.group().isPresent()
                  ? "IOMMU group " + e.group().getAsInt()
                  : e.function().map(Object::toString).orElse("?"));
    }
    return s.toString();
  }
}
