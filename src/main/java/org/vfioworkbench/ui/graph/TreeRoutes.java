package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.ui.graph.GraphModel.Point;

/**
 * The free channels of the laid-out tree, and routes through them: the gap between each bus bar and
 * its row of chips, and the column to the right of each bridge's slot. A route from a chip climbs
 * gap by gap and column by column to the gap above the root buses' first row, which runs across the
 * whole tree to the corridor beside it. Nothing is drawn in these channels but tree lines, so
 * routes through them cross no chip, bar or caption. Pure.
 */
final class TreeRoutes {

  /** Tracks per channel: edges of different holders use different tracks. */
  private static final int GAP_TRACKS = 7;

  private static final int COLUMN_TRACKS = 8;
  private static final double TRACK = 3;

  private final Map<Bdf, Box> chips = new HashMap<>();
  private final Map<Bdf, BusAddress> busOf = new HashMap<>();
  private final Map<Bdf, Boolean> firstRow = new HashMap<>();
  private final Map<BusAddress, Double> exitX = new HashMap<>();
  private final Map<BusAddress, Bdf> parent = new HashMap<>();
  private final Map<BusAddress, Boolean> root = new HashMap<>();
  private final Map<Integer, Double> rootGapTop = new HashMap<>();

  /** Where the gap above the first row of a segment's root buses starts. */
  void rootGapTop(int segment, double y) {
    rootGapTop.put(segment, y);
  }

  void chip(Bdf bdf, Box box, BusAddress bus, boolean inFirstRow) {
    chips.put(bdf, box);
    busOf.put(bdf, bus);
    firstRow.put(bdf, inFirstRow);
  }

  /** A bus, with the x where the free column to its right (GAP wide) starts. */
  void bus(BusAddress bus, double columnX, Bdf bridge) {
    exitX.put(bus, columnX);
    if (bridge == null) {
      root.put(bus, true);
    } else {
      parent.put(bus, bridge);
    }
  }

  Box chipBox(Bdf bdf) {
    return chips.get(bdf);
  }

  private static double gapY(Box chip, int track) {
    return chip.y() - GraphLayout.BUS_TO_CHIP + 3 + TRACK * Math.floorMod(track, GAP_TRACKS);
  }

  private static double columnX(double x, int track) {
    return x + 4 + TRACK * Math.floorMod(track, COLUMN_TRACKS);
  }

  /**
   * The route from the corridor at {@code corridorX} to a point on top of {@code target}'s chip (at
   * {@code entryX}, {@code entryY}), on {@code track}. Starts at the corridor.
   */
  List<Point> fromCorridor(Bdf target, double entryX, double entryY, int track, double corridorX) {
    List<Point> up = new ArrayList<>();
    Box chip = chips.get(target);
    double y = gapY(chip, track);
    up.add(new Point(entryX, entryY));
    up.add(new Point(entryX, y));
    Bdf at = target;
    while (true) {
      BusAddress bus = busOf.get(at);
      boolean isRoot = root.containsKey(bus);
      if (isRoot && firstRow.get(at)) {
        break;
      }
      double cx = columnX(exitX.get(bus), track);
      up.add(new Point(cx, y));
      if (isRoot) {
        y = rootGapTop.get(bus.segment()) + 3 + TRACK * Math.floorMod(track, GAP_TRACKS);
        up.add(new Point(cx, y));
        break;
      }
      at = parent.get(bus);
      y = gapY(chips.get(at), track);
      up.add(new Point(cx, y));
    }
    up.add(new Point(corridorX, y));
    List<Point> down = new ArrayList<>();
    for (int i = up.size() - 1; i >= 0; i--) {
      down.add(up.get(i));
    }
    return down;
  }
}
