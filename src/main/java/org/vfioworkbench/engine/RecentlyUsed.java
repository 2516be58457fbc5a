package org.vfioworkbench.engine;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The last few values of a kind the engine built, most recently used first, so that the next
 * analysis of an edited topology can start from the one its edit came from. Safe to use from any
 * thread.
 *
 * <p>A cache made with {@link #strong} keeps all of them alive. One made with {@link #whileInUse}
 * keeps only the most recent alive and finds the older ones only while something else still holds
 * them (an analysis the workbench shows, a comparison's second profile): values that hold a whole
 * host's derived state (indexes, reset scopes, dev-sets of 10,000 functions) must not outlive their
 * use just because they were built last. Kept strongly, every analysis of a new PCI part stayed
 * reachable for several more analyses, survived young collections, was copied and promoted, and the
 * heap grew collection after collection (see docs/performance.md, "Whole host at 10k").
 */
final class RecentlyUsed<T> {

  private final int capacity;
  private final boolean olderWeak;
  private T latest;
  private final ArrayDeque<Object> older = new ArrayDeque<>();

  private RecentlyUsed(int capacity, boolean olderWeak) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.olderWeak = olderWeak;
  }

  /** Remembers up to {@code capacity} values and keeps them all alive. */
  static <T> RecentlyUsed<T> strong(int capacity) {
    return new RecentlyUsed<>(capacity, false);
  }

  /**
   * Remembers up to {@code capacity} values, keeping the most recent alive and the others only as
   * long as something else holds them.
   */
  static <T> RecentlyUsed<T> whileInUse(int capacity) {
    return new RecentlyUsed<>(capacity, true);
  }

  /** The most recently used value that {@code test} accepts, which becomes the most recent. */
  synchronized Optional<T> find(Predicate<T> test) {
    if (latest != null && test.test(latest)) {
      return Optional.of(latest);
    }
    for (Iterator<Object> it = older.iterator(); it.hasNext(); ) {
      T v = value(it.next());
      if (v == null) {
        it.remove();
      } else if (test.test(v)) {
        it.remove();
        pushLatest(v);
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * Keeps {@code value} as the most recent, dropping the oldest beyond the capacity; returns it.
   */
  synchronized T remember(T value) {
    if (value == latest) {
      return value;
    }
    for (Iterator<Object> it = older.iterator(); it.hasNext(); ) {
      T v = value(it.next());
      if (v == null || v.equals(value)) {
        it.remove();
      }
    }
    pushLatest(value);
    return value;
  }

  /** How many values are remembered now (older ones no longer in use are not counted). */
  synchronized int size() {
    older.removeIf(o -> value(o) == null);
    return older.size() + (latest == null ? 0 : 1);
  }

  private void pushLatest(T value) {
    if (latest != null) {
      older.addFirst(olderWeak ? new WeakReference<>(latest) : latest);
    }
    latest = value;
    while (older.size() > capacity - 1) {
      older.removeLast();
    }
  }

  @SuppressWarnings("unchecked")
  private T value(Object held) {
    return (T) (held instanceof WeakReference<?> w ? w.get() : held);
  }
}
