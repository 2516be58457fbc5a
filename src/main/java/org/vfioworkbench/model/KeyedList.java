package org.vfioworkbench.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An immutable list that also finds an element, and its position, by its key in constant time. The
 * index (key to position) is built on the first look-up and travels with the list, so a topology
 * derived by an edit that keeps the list (a holder edit keeps the functions, a driver change keeps
 * the holders) keeps its index too; a list derived by replacing one element with another of the
 * same key ({@link #with}) shares it as well, since no position changes. Where two elements share a
 * key, the first one is found, as a search from the front would.
 *
 * <p>Other facts derived from the whole list (which PFs have VFs, say) can be memoised on it with
 * {@link #derived}, so they too are computed once per list rather than once per question.
 *
 * @param <K> the key
 * @param <V> the element
 */
final class KeyedList<K, V> extends AbstractList<V> implements RandomAccess {

  private final Object[] items;
  private final Function<V, K> key;
  private volatile Map<K, Integer> index;
  private final Map<Function<? super List<V>, ?>, Object> derived = new ConcurrentHashMap<>();

  private KeyedList(Object[] items, Function<V, K> key, Map<K, Integer> index) {
    this.items = items;
    this.key = key;
    this.index = index;
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
    Object[] copy = list.toArray();
    for (Object o : copy) {
      Objects.requireNonNull(o, "element");
    }
    return new KeyedList<>(copy, key, null);
  }

  /** The first element whose key is {@code k}. */
  Optional<V> find(K k) {
    Integer i = index().get(k);
    return i == null ? Optional.empty() : Optional.of(get(i));
  }

  /** The position of the first element whose key is {@code k}, or -1. */
  int positionOf(K k) {
    Integer i = index().get(k);
    return i == null ? -1 : i;
  }

  /**
   * This list with the element at {@code i} replaced by {@code v}. When {@code v} has the key of
   * the element it replaces, the new list shares this one's index.
   */
  @SuppressWarnings("unchecked")
  KeyedList<K, V> with(int i, V v) {
    Objects.requireNonNull(v, "element");
    Object[] copy = Arrays.copyOf(items, items.length);
    K old = key.apply((V) copy[i]);
    copy[i] = v;
    Map<K, Integer> shared = index;
    boolean sameKey = Objects.equals(old, key.apply(v));
    return new KeyedList<>(copy, key, sameKey ? shared : null);
  }

  /**
   * {@code compute} of this list, computed on first use and remembered (pass the same function
   * object every time; it must depend on the list alone).
   */
  @SuppressWarnings("unchecked")
  <T> T derived(Function<? super List<V>, T> compute) {
    Object known = derived.get(compute);
    if (known == null) {
      known = compute.apply(this);
      Object raced = derived.putIfAbsent(compute, known);
      known = raced != null ? raced : known;
    }
    return (T) known;
  }

  private Map<K, Integer> index() {
    Map<K, Integer> m = index;
    if (m == null) {
      m = new HashMap<>(items.length * 2);
      for (int i = 0; i < items.length; i++) {
        m.putIfAbsent(key.apply(get(i)), i);
      }
      index = m;
    }
    return m;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(int i) {
    return (V) items[i];
  }

  @Override
  public int size() {
    return items.length;
  }
}
