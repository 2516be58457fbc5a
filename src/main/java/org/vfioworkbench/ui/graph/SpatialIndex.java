package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Boxes bucketed by a coarse grid, to ask "does anything placed overlap this box?" quickly. */
final class SpatialIndex {

  private static final double CELL = 256;

  private final Map<Long, List<Box>> cells = new HashMap<>();

  void add(Box b) {
    forCells(b, k -> cells.computeIfAbsent(k, x -> new ArrayList<>()).add(b));
  }

  boolean overlapsAny(Box b) {
    boolean[] hit = new boolean[1];
    forCells(
        b,
        k -> {
          if (!hit[0]) {
            for (Box o : cells.getOrDefault(k, List.of())) {
              if (o.intersects(b)) {
                hit[0] = true;
                return;
              }
            }
          }
        });
    return hit[0];
  }

  private static void forCells(Box b, java.util.function.LongConsumer action) {
    long x0 = (long) Math.floor(b.x() / CELL);
    long x1 = (long) Math.floor(b.right() / CELL);
    long y0 = (long) Math.floor(b.y() / CELL);
    long y1 = (long) Math.floor(b.bottom() / CELL);
    for (long x = x0; x <= x1; x++) {
      for (long y = y0; y <= y1; y++) {
        action.accept((x << 32) ^ (y & 0xffffffffL));
      }
    }
  }
}
