package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Group;
import javafx.scene.Node;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;

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

  /** The bundle's legs as drawn, in the order of {@link EdgeBundle#legs}. */
  public List<EdgeLeg> legNodes() {
    List<EdgeLeg> l = new ArrayList<>();
    getChildren().forEach(n -> l.add((EdgeLeg) n));
    return l;
  }

  /** The fds whose edges run along the {@code i}th leg. */
  public java.util.Set<FdRef> fdsOf(int i) {
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

  private void show(EdgeBundle b) {
    bundle = b;
    legs = b.legs();
    List<Node> kids = getChildren();
    if (kids.size() > legs.size()) {
      kids.subList(legs.size(), kids.size()).clear();
    }
    List<EdgeLeg> added = new ArrayList<>();
    for (int i = 0; i < legs.size(); i++) {
      EdgeBundle.Leg l = legs.get(i);
      String kind = FdEdgeSkin.kindClass(l.kind());
      EdgeLeg leg;
      if (i < kids.size()) {
        leg = (EdgeLeg) kids.get(i);
        leg.moveTo(l.x1(), l.y1(), l.x2(), l.y2());
        if (!leg.getStyleClass().contains(kind)) {
          leg.getStyleClass().setAll(FdEdgeSkin.LEG, kind, BUNDLE);
        }
      } else {
        leg = new EdgeLeg(l.x1(), l.y1(), l.x2(), l.y2());
        leg.getStyleClass().setAll(FdEdgeSkin.LEG, kind, BUNDLE);
        leg.pseudoClassStateChanged(FdEdgeSkin.LIT, lit);
        added.add(leg);
      }
      fade(leg, l);
    }
    kids.addAll(added);
  }

  /**
   * Fades to {@code opacity} (or hides, when {@code hide}) every leg along which no edge of an fd
   * {@code inFocus} runs; shows the others in full.
   */
  public void fade(Predicate<FdRef> inFocus, double opacity, boolean hide) {
    shown = inFocus;
    fadedOpacity = opacity;
    hideFaded = hide;
    List<Node> kids = getChildren();
    for (int i = 0; i < kids.size(); i++) {
      fade(kids.get(i), legs.get(i));
    }
  }

  private void fade(Node leg, EdgeBundle.Leg l) {
    boolean in = l.fds().stream().anyMatch(shown);
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
