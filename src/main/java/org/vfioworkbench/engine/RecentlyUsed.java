package org.vfioworkbench.engine;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The last few values of a kind the engine built, most recently used first, so that the next
 * analysis of an edited topology can start from the one its edit came from. Safe to use from any
 * thread.
 */
final class RecentlyUsed<T> {

  private final int capacity;
  private final ArrayDeque<T> values = new ArrayDeque<>();

  RecentlyUsed(int capacity) {
    this.capacity = capacity;
  }

  /** The most recently used value that {@code test} accepts, which becomes the most recent. */
  synchronized Optional<T> find(Predicate<T> test) {
    for (Iterator<T> it = values.iterator(); it.hasNext(); ) {
      T v = it.next();
      if (test.test(v)) {
        it.remove();
        values.addFirst(v);
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * Keeps {@code value} as the most recent, dropping the oldest beyond the capacity; returns it.
   */
  synchronized T remember(T value) {
    values.remove(value);
    values.addFirst(value);
    while (values.size() > capacity) {
      values.removeLast();
    }
    return value;
  }
}
