package org.vfioworkbench.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * An immutable list that also finds an element, and its position, by its key in constant time. The
 * index (key to position) is built on the first look-up and travels with the list, so a topology
 * derived by an edit that keeps the list (a holder edit keeps the functions, a driver change keeps
 * the holders) keeps its index too; a list derived by replacing one element with another of the
 * same key ({@link #with}) shares it as well, since no position changes. Where two elements share a
 * key, the first one is found, as a search from the front would.
 *
 * <p>A list {@link #with} derives keeps its elements in a tree of 32-slot arrays (a persistent
 * vector): it copies only the arrays on the path to the replaced element (32 slots per level, three
 * levels up to 32,768 elements) and shares the rest with the list it came from; {@link
 * #forEachChange} finds the positions where two such lists differ by skipping the arrays they
 * share. A list built by {@link #of} keeps its plain array for reading and builds its tree once,
 * when first edited or compared.
 *
 * <p>Other facts derived from the whole list (which PFs have VFs, say) can be memoised on it with
 * {@link #derived}, so they too are computed once per list rather than once per question; facts
 * that hold for every element ({@link #allMatch}) are carried over by {@link #with} when the new
 * element has the property too.
 *
 * @param <K> the key
 * @param <V> the element
 */
final class KeyedList<K, V> extends AbstractList<V> implements RandomAccess {

  private static final int BITS = 5;
  private static final int WIDTH = 1 << BITS;
  private static final int MASK = WIDTH - 1;

  /** Slots copied by {@link #with} on this thread while a test counts them; null otherwise. */
  private static final ThreadLocal<long[]> COPIED = new ThreadLocal<>();

  /**
   * The elements in one array, for a list built by {@link #of}; null for one {@link #with} made.
   */
  private final Object[] flat;

  /**
   * The tree of the elements: given to a list {@link #with} made, built on first need otherwise.
   */
  private volatile Object[] root;

  private final int shift;
  private final int size;
  private final Function<V, K> key;
  private volatile Map<K, Integer> index;
  private final Map<Function<? super List<V>, ?>, Object> derived = new ConcurrentHashMap<>();
  private final Map<Predicate<? super V>, Boolean> all = new ConcurrentHashMap<>();

  private KeyedList(
      Object[] flat, Object[] root, int size, Function<V, K> key, Map<K, Integer> index) {
    this.flat = flat;
    this.root = root;
    this.shift = shiftFor(size);
    this.size = size;
    this.key = key;
    this.index = index;
  }

  /** The shift of the root level of a tree of {@code size} elements. */
  private static int shiftFor(int size) {
    int shift = 0;
    for (long capacity = WIDTH; capacity < size; capacity *= WIDTH) {
      shift += BITS;
    }
    return shift;
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
    Object[] items = list.toArray();
    for (Object o : items) {
      Objects.requireNonNull(o, "element");
    }
    return new KeyedList<>(items, null, items.length, key, null);
  }

  /** The tree of this list's elements (built from the array on first need, then kept). */
  private Object[] tree() {
    Object[] r = root;
    if (r == null) {
      Object[] level = leaves(flat);
      while (level.length > 1) {
        level = parents(level);
      }
      r = level.length == 0 ? new Object[0] : (Object[]) level[0];
      root = r;
    }
    return r;
  }

  /** {@code items} cut into arrays of at most 32. */
  private static Object[] leaves(Object[] items) {
    Object[] out = new Object[(items.length + MASK) / WIDTH];
    for (int i = 0; i < out.length; i++) {
      int from = i * WIDTH;
      Object[] leaf = new Object[Math.min(WIDTH, items.length - from)];
      System.arraycopy(items, from, leaf, 0, leaf.length);
      out[i] = leaf;
    }
    return out;
  }

  private static Object[] parents(Object[] nodes) {
    return leaves(nodes);
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

  /** Whether no two elements share a key. */
  boolean keysUnique() {
    return index().size() == size;
  }

  /**
   * This list with the element at {@code i} replaced by {@code v}, sharing every array off the path
   * to it. When {@code v} has the key of the element it replaces, the new list shares this one's
   * index; every {@link #allMatch} this list is known to pass that {@code v} passes too, the new
   * list is known to pass.
   */
  KeyedList<K, V> with(int i, V v) {
    Objects.requireNonNull(v, "element");
    Objects.checkIndex(i, size);
    K old = key.apply(get(i));
    Object[] newRoot = replaced(tree(), shift, i, v);
    boolean sameKey = Objects.equals(old, key.apply(v));
    KeyedList<K, V> out = new KeyedList<>(null, newRoot, size, key, sameKey ? index : null);
    all.forEach(
        (p, holds) -> {
          if (holds && p.test(v)) {
            out.all.put(p, true);
          }
        });
    return out;
  }

  private static Object[] replaced(Object[] node, int shift, int i, Object v) {
    Object[] copy = node.clone();
    long[] c = COPIED.get();
    if (c != null) {
      c[0] += copy.length;
    }
    int slot = (i >>> shift) & MASK;
    copy[slot] = shift == 0 ? v : replaced((Object[]) node[slot], shift - BITS, i, v);
    return copy;
  }

  /**
   * Reports to {@code changed} every position at which {@code other} holds another instance than
   * this list, looking only into the arrays the two do not share; false (and nothing reported) when
   * the lists differ in length, so that positions do not line up.
   */
  boolean forEachChange(KeyedList<?, ?> other, IntConsumer changed) {
    if (other.size != size || other.shift != shift) {
      return false;
    }
    changes(tree(), other.tree(), shift, 0, changed);
    return true;
  }

  private static void changes(Object[] a, Object[] b, int shift, int base, IntConsumer changed) {
    if (a == b) {
      return;
    }
    for (int s = 0; s < a.length; s++) {
      if (a[s] == b[s]) {
        continue;
      }
      if (shift == 0) {
        changed.accept(base + s);
      } else {
        changes((Object[]) a[s], (Object[]) b[s], shift - BITS, base + (s << shift), changed);
      }
    }
  }

  /**
   * Whether every element passes {@code test}, computed on first use and remembered (pass the same
   * predicate object every time; it must depend on the element alone).
   */
  boolean allMatch(Predicate<? super V> test) {
    Boolean known = all.get(test);
    if (known == null) {
      boolean holds = true;
      for (V v : this) {
        if (!test.test(v)) {
          holds = false;
          break;
        }
      }
      known = holds;
      all.put(test, known);
    }
    return known;
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
      m = new HashMap<>(size * 2);
      int i = 0;
      for (V v : this) {
        m.putIfAbsent(key.apply(v), i++);
      }
      index = m;
    }
    return m;
  }

  /** Starts counting, on this thread, the array slots {@link #with} copies. */
  static void startCountingCopies() {
    COPIED.set(new long[1]);
  }

  /** Stops counting and returns the slots copied since {@link #startCountingCopies}. */
  static long stopCountingCopies() {
    long[] c = COPIED.get();
    COPIED.remove();
    return c == null ? 0 : c[0];
  }

  private Object[] leafFor(int i) {
    Object[] node = tree();
    int s = shift;
    while (s > 0) {
      node = (Object[]) node[(i >>> s) & MASK];
      s -= BITS;
    }
    return node;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(int i) {
    Object[] array = flat;
    if (array != null) {
      return (V) array[i];
    }
    Objects.checkIndex(i, size);
    return (V) leafFor(i)[i & MASK];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Spliterator<V> spliterator() {
    if (flat != null) {
      return super.spliterator();
    }
    return Spliterators.spliterator(
        iterator(),
        size,
        Spliterator.ORDERED | Spliterator.SIZED | Spliterator.IMMUTABLE | Spliterator.NONNULL);
  }

  @Override
  public void forEach(Consumer<? super V> action) {
    for (V v : this) {
      action.accept(v);
    }
  }

  @Override
  public Iterator<V> iterator() {
    Object[] array = flat;
    if (array != null) {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < array.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V next() {
          if (next >= array.length) {
            throw new NoSuchElementException();
          }
          return (V) array[next++];
        }
      };
    }
    return new Iterator<>() {
      private int next;
      private Object[] leaf;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      @SuppressWarnings("unchecked")
      public V next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        if ((next & MASK) == 0 || leaf == null) {
          leaf = leafFor(next);
        }
        return (V) leaf[next++ & MASK];
      }
    };
  }
}
