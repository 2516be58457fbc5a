package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;

/**
 * The skins of one kind of graph element, one per element, kept across updates of the graph
 * (graph-editor's {@code SkinLookup}). Each element is found by a stable key (its BDF, fd, holder,
 * group…); {@link #update} keeps the skin of an element that did not change, moves the skin of one
 * that only moved (a translation, no new nodes), reshapes in place the skin of one whose geometry
 * alone changed (an edge's route, a line's ends: no new nodes, so no CSS for them), makes skins for
 * new or otherwise changed elements and removes the skins of gone ones. The layer's children are
 * only added to and removed from, never replaced wholesale.
 *
 * @param <M> the element (a {@code GraphModel} record)
 * @param <S> its skin
 */
public final class SkinLookup<M, S extends Node> {

  private final Group layer;
  private final Function<M, ?> key;
  private final Function<M, S> factory;
  private final BiFunction<M, M, Optional<Point2D>> moved;
  private final BiPredicate<S, M> reshape;
  private Map<Object, Entry<M, S>> skins = new LinkedHashMap<>();
  private int created;
  private int reshaped;

  /**
   * @param layer the group the skins are children of (it holds nothing else)
   * @param key an element's identity
   * @param factory makes the skin of an element
   * @param moved given the element a skin was made for and the element as it is now, the offset
   *     that shows the new one with the old skin when they differ by position only; empty when a
   *     new skin is needed
   */
  public SkinLookup(
      Group layer,
      Function<M, ?> key,
      Function<M, S> factory,
      BiFunction<M, M, Optional<Point2D>> moved) {
    this(layer, key, factory, moved, (s, m) -> false);
  }

  /**
   * As {@link #SkinLookup(Group, Function, Function, BiFunction)}, and
   *
   * @param reshape given a shown skin and its element as it is now (neither equal to nor only a
   *     translation of the element the skin shows), updates the skin in place to show it and
   *     returns true; returns false, changing nothing, when a new skin is needed
   */
  public SkinLookup(
      Group layer,
      Function<M, ?> key,
      Function<M, S> factory,
      BiFunction<M, M, Optional<Point2D>> moved,
      BiPredicate<S, M> reshape) {
    this.layer = Objects.requireNonNull(layer, "layer");
    this.key = Objects.requireNonNull(key, "key");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.moved = Objects.requireNonNull(moved, "moved");
    this.reshape = Objects.requireNonNull(reshape, "reshape");
  }

  private record Entry<M, S>(M origin, M current, S skin) {}

  /** Shows {@code elements}: reuses, moves, makes and removes skins as described above. */
  public void update(List<M> elements) {
    Map<Object, Entry<M, S>> next = new LinkedHashMap<>(Math.max(16, elements.size() * 2));
    List<Node> added = new ArrayList<>();
    for (M m : elements) {
      Object k = key.apply(m);
      for (int n = 1; next.containsKey(k); n++) {
        // a wrapped bus has one bar per row: the later ones are keyed by their place
        k = List.of(key.apply(m), n);
      }
      Entry<M, S> old = skins.remove(k);
      Entry<M, S> e;
      boolean same = old != null && old.current().equals(m);
      Optional<Point2D> shift =
          old == null || same ? Optional.empty() : moved.apply(old.origin(), m);
      if (same) {
        e = old;
      } else if (shift.isPresent()) {
        Point2D d = shift.get();
        old.skin().setTranslateX(d.getX());
        old.skin().setTranslateY(d.getY());
        e = new Entry<>(old.origin(), m, old.skin());
      } else if (old != null && reshape.test(old.skin(), m)) {
        // the skin now draws m where m is: no translation left over
        old.skin().setTranslateX(0);
        old.skin().setTranslateY(0);
        reshaped++;
        e = new Entry<>(m, m, old.skin());
      } else {
        if (old != null) {
          skins.put(k, old); // its skin goes with the gone ones below
        }
        S s = factory.apply(m);
        created++;
        added.add(s);
        e = new Entry<>(m, m, s);
      }
      next.put(k, e);
    }
    if (!skins.isEmpty()) {
      java.util.Set<Node> gone =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      skins.values().forEach(x -> gone.add(x.skin()));
      layer.getChildren().removeIf(gone::contains);
    }
    layer.getChildren().addAll(added);
    skins = next;
  }

  /** Removes every skin (the next update makes them all anew). */
  public void clear() {
    layer.getChildren().clear();
    skins = new LinkedHashMap<>();
  }

  /** The skin of the element with key {@code k}, if it is shown. */
  public Optional<S> skin(Object k) {
    Entry<M, S> e = skins.get(k);
    return e == null ? Optional.empty() : Optional.of(e.skin());
  }

  /** The element a shown skin stands for now. */
  public Optional<M> element(Object k) {
    Entry<M, S> e = skins.get(k);
    return e == null ? Optional.empty() : Optional.of(e.current());
  }

  /** Every shown skin (in no particular order; no copy of a map). */
  public Iterable<S> all() {
    return () -> skins.values().stream().map(Entry::skin).iterator();
  }

  public int size() {
    return skins.size();
  }

  /** How many skins this lookup has made since it was created. */
  public int created() {
    return created;
  }

  /** How many times this lookup has reshaped a shown skin in place since it was created. */
  public int reshaped() {
    return reshaped;
  }
}
