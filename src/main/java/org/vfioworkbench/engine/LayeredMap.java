package org.vfioworkbench.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * A small persistent map: a shared, never-modified base plus two layers of the changes made since
 * (a small recent one, copied on every change, and a larger one it is merged into when it reaches
 * {@value #SMALL} entries), so that a derived version costs what it changes rather than what the
 * whole map holds. When the larger layer outgrows an eighth of the base, both are folded into a new
 * base. Look-ups take at most three hash probes; the copying per change is bounded by a constant on
 * average (SMALL, plus the larger layer's size over SMALL, plus eight for the fold).
 *
 * @param <K> the key
 * @param <V> the value (never null)
 */
final class LayeredMap<K, V> {

  private static final Object REMOVED = new Object();
  private static final int SMALL = 64;

  private final Map<K, V> base;
  private final Map<K, Object> middle;
  private final Map<K, Object> recent;

  private LayeredMap(Map<K, V> base, Map<K, Object> middle, Map<K, Object> recent) {
    this.base = base;
    this.middle = middle;
    this.recent = recent;
  }

  /** A map holding what {@code entries} holds (which it takes over: do not change it after). */
  static <K, V> LayeredMap<K, V> of(Map<K, V> entries) {
    return new LayeredMap<>(entries, Map.of(), Map.of());
  }

  @SuppressWarnings("unchecked")
  V get(K key) {
    Object c = recent.get(key);
    if (c == null) {
      c = middle.get(key);
    }
    if (c != null) {
      return c == REMOVED ? null : (V) c;
    }
    return base.get(key);
  }

  /**
   * This map with {@code updates} applied: a key mapped to null is removed, any other is set. This
   * map is unchanged.
   */
  LayeredMap<K, V> with(Map<K, V> updates) {
    if (updates.isEmpty()) {
      return this;
    }
    Map<K, Object> top = new HashMap<>(recent);
    updates.forEach((k, v) -> top.put(k, v == null ? REMOVED : v));
    if (top.size() <= SMALL) {
      return new LayeredMap<>(base, middle, top);
    }
    Map<K, Object> mid = new HashMap<>(middle);
    mid.putAll(top);
    if (mid.size() <= Math.max(SMALL, base.size() / 8)) {
      return new LayeredMap<>(base, mid, Map.of());
    }
    Map<K, V> folded = new HashMap<>(base);
    mid.forEach(
        (k, v) -> {
          if (v == REMOVED) {
            folded.remove(k);
          } else {
            @SuppressWarnings("unchecked")
            V value = (V) v;
            folded.put(k, value);
          }
        });
    return new LayeredMap<>(folded, Map.of(), Map.of());
  }
}
