package org.vfioworkbench.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list that also finds an element by its key in constant time. The index is built on
 * the first look-up and travels with the list, so a topology derived by an edit that keeps the list
 * (a holder edit keeps the functions, a driver change keeps the holders) keeps its index too. Where
 * two elements share a key, the first one is found, as a search from the front would.
 *
 * @param <K> the key
 * @param <V> the element
 */
final class KeyedList<K, V> extends AbstractList<V> implements RandomAccess {

  private final List<V> items;
  private final Function<V, K> key;
  private volatile Map<K, V> index;

  private KeyedList(List<V> items, Function<V, K> key) {
    this.items = items;
    this.key = key;
  }

  /**
   * {@code list} as a keyed list: the same instance when it already is one keyed by {@code key}
   * (pass the same function object every time), else an immutable copy.
   */
  @SuppressWarnings("unchecked")
  static <K, V> KeyedList<K, V> of(List<? extends V> list, Function<V, K> key) {
    if (list instanceof KeyedList<?, ?> keyed && keyed.key == key) {
      return (KeyedList<K, V>) keyed;
    }
    return new KeyedList<>(List.copyOf(list), key);
  }

  /** The first element whose key is {@code k}. */
  Optional<V> find(K k) {
    return Optional.ofNullable(index().get(k));
  }

  private Map<K, V> index() {
    Map<K, V> m = index;
    if (m == null) {
      m = new HashMap<>(items.size() * 2);
      for (V v : items) {
        m.putIfAbsent(key.apply(v), v);
      }
      index = m;
    }
    return m;
  }

  @Override
  public V get(int i) {
    return items.get(i);
  }

  @Override
  public int size() {
    return items.size();
  }
}
