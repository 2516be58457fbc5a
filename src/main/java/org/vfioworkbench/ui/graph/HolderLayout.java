package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.graph.GraphModel.FdChip;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.FdKind;
import org.vfioworkbench.ui.graph.GraphModel.GroupHull;
import org.vfioworkbench.ui.graph.GraphModel.HolderNode;
import org.vfioworkbench.ui.graph.GraphModel.Lane;
import org.vfioworkbench.ui.kernel.DropTarget;

/**
 * Places holders beside the tree, one above the other, each with a group lane (container, group
 * files, group-path device fds) and a cdev lane (iommufd, cdevs), and draws an edge from each fd to
 * what it holds. A compact holder (a big host's overview) is one line saying what it holds, with
 * one edge per chip its files reach. Below them, the unowned area. Pure.
 */
final class HolderLayout {

  static final double FD_W = 132;
  static final double FD_H = 40;
  static final double LANE_HEADER = 20;
  static final double TITLE_H = 28;
  static final double PAD = 10;
  static final double MIN_LANE_W = 3 * FD_W + 4 * PAD;

  /** A compact holder: title, then one line naming where its files' edges go. */
  static final double COMPACT_W = 2 * GraphLayout.CHIP_W;

  static final double SUMMARY_H = 20;

  /** Between the tree and the holders: one vertical track per holder. */
  static final double CORRIDOR_TRACK = 4;

  private final Analysis a;
  private final TreeRoutes routes;
  private final java.util.function.UnaryOperator<Bdf> shownAs;
  private final Map<String, Integer> bundles = new java.util.HashMap<>();

  /** Each shown group's hull, by group number. */
  private final Map<Integer, GroupHull> hullOf = new java.util.HashMap<>();

  private final double corridor0;
  private final double x0;
  private final double y0;
  private final Map<Bdf, Integer> entries = new java.util.HashMap<>();
  private int holderIndex;
  private final double columnBasis;
  private final java.util.function.Predicate<String> compact;

  /** For holders beyond the first column: x of their track left of their column; else NaN. */
  private double columnTrackX = Double.NaN;

  /** The band above everything where edges from later holder columns cross to the tree. */
  static double topBand(int holders) {
    return 8 + 3 * holders;
  }

  private double topTrackY(int holder) {
    return GraphLayout.MARGIN + 4 + 3 * holder;
  }

  private final List<HolderNode> holders = new ArrayList<>();
  private final List<FdEdge> edges = new ArrayList<>();
  private Box unowned;

  /**
   * Holders go right of a corridor that starts at {@code corridorX} (just right of the tree), one
   * vertical track per holder; many of them stand in columns about {@code columnBasis} high (the
   * tree's height, or in an overview its height as the host opens).
   */
  HolderLayout(
      Analysis a,
      TreeRoutes routes,
      java.util.function.UnaryOperator<Bdf> shownAs,
      List<GroupHull> hulls,
      double corridorX,
      double y0,
      double columnBasis,
      java.util.function.Predicate<String> compact) {
    this.compact = compact;
    this.columnBasis = columnBasis;
    this.a = a;
    this.routes = routes;
    this.shownAs = shownAs;
    hulls.forEach(h -> hullOf.putIfAbsent(h.group(), h));
    this.corridor0 = corridorX + 8;
    this.x0 = corridor0 + CORRIDOR_TRACK * a.topology().holders().size() + 16;
    this.y0 = y0;
  }

  /** The lane's channel below its chips: one track per edge that leaves the lane. */
  private static double channel(int edges) {
    return 6 + 3 * edges;
  }

  private long edgeCount(List<OpenFile> files) {
    return files.stream()
        .filter(f -> f instanceof DeviceFile || f instanceof CdevFile || f instanceof GroupFile)
        .count();
  }

  Box run() {
    double laneW = MIN_LANE_W;
    boolean anyFull = false;
    for (Holder h : a.topology().holders()) {
      if (!compact.test(h.name())) {
        anyFull = true;
        laneW = Math.max(laneW, laneWidth(groupFiles(h)));
        laneW = Math.max(laneW, laneWidth(cdevFiles(h)));
      }
    }
    double fullW = laneW + 2 * PAD;
    // Holders shown with their lanes first: in a big host's overview, next to the tree.
    List<Holder> all = new ArrayList<>(a.topology().holders());
    all.sort(java.util.Comparator.comparing((Holder h) -> compact.test(h.name())));
    double[] heights = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Holder h = all.get(i);
      heights[i] =
          compact.test(h.name())
              ? compactHeight(tracks(h))
              : TITLE_H
                  + 2 * LANE_HEADER
                  + 2 * FD_H
                  + channel((int) edgeCount(groupFiles(h)))
                  + channel((int) edgeCount(cdevFiles(h)))
                  + 2 * PAD;
    }
    // Many holders stand in columns about as tall as the tree (at least 900 high).
    double columnH =
        all.size() <= GraphLayout.ONE_COLUMN_UP_TO ? Double.MAX_VALUE : Math.max(900, columnBasis);
    double colX = x0;
    double y = y0;
    double bottom = y0;
    int inColumn = 0;
    boolean firstColumn = true;
    double columnW = 0;
    for (int i = 0; i < all.size(); i++) {
      Holder h = all.get(i);
      if (inColumn > 0 && y - y0 + heights[i] > columnH) {
        colX += columnW + 24 + CORRIDOR_TRACK * countInNextColumn(heights, i, columnH);
        y = y0;
        inColumn = 0;
        firstColumn = false;
        columnW = 0;
      }
      columnTrackX = firstColumn ? Double.NaN : colX - 12 - CORRIDOR_TRACK * inColumn;
      if (compact.test(h.name())) {
        Box box = compactHolder(h, colX, y, heights[i]);
        columnW = Math.max(columnW, box.w());
        holderIndex++;
        inColumn++;
        y = box.bottom() + 2 * PAD;
        bottom = Math.max(bottom, y);
        continue;
      }
      double holderW = fullW;
      columnW = Math.max(columnW, holderW);
      double groupH = LANE_HEADER + FD_H + channel((int) edgeCount(groupFiles(h)));
      double cdevH = LANE_HEADER + FD_H + channel((int) edgeCount(cdevFiles(h)));
      Box groupBox = new Box(colX + PAD, y + TITLE_H, laneW, groupH);
      Box cdevBox = new Box(colX + PAD, groupBox.bottom() + PAD, laneW, cdevH);
      Box box = new Box(colX, y, holderW, TITLE_H + groupH + cdevH + 2 * PAD);
      Lane g = lane(h, new DropTarget.GroupLane(h.name()), groupBox, groupTitle(h), groupFiles(h));
      Lane c = lane(h, new DropTarget.CdevLane(h.name()), cdevBox, cdevTitle(h), cdevFiles(h));
      holders.add(new HolderNode(h.name(), h.pid(), box, g, c, Optional.empty()));
      holderIndex++;
      inColumn++;
      y = box.bottom() + 2 * PAD;
      bottom = Math.max(bottom, y);
    }
    double unownedW = anyFull ? fullW : MIN_LANE_W + 2 * PAD;
    unowned = new Box(colX, y + PAD, unownedW, 64);
    double right = colX + Math.max(columnW, unownedW);
    return new Box(x0, y0, right - x0, Math.max(bottom, unowned.bottom()) - y0);
  }

  /** The chips a holder's files reach, in file order, each with the files that reach it. */
  private Map<Bdf, List<OpenFile>> reached(Holder h) {
    Map<Bdf, List<OpenFile>> out = new java.util.LinkedHashMap<>();
    for (OpenFile f : h.files()) {
      target(f).ifPresent(b -> out.computeIfAbsent(b, k -> new ArrayList<>()).add(f));
    }
    return out;
  }

  /** The chip a file's edge ends at: its device's, or its group's first drawn member's. */
  private Optional<Bdf> target(OpenFile f) {
    Bdf b = null;
    if (f instanceof DeviceFile d) {
      b = shownAs.apply(d.device());
    } else if (f instanceof CdevFile c) {
      b = shownAs.apply(c.device());
    } else if (f instanceof GroupFile g) {
      b =
          a.pci().groupMembers(g.group()).stream()
              .map(shownAs)
              .filter(x -> routes.chipBox(x) != null)
              .findFirst()
              .orElse(null);
    }
    return b != null && routes.chipBox(b) != null ? Optional.of(b) : Optional.empty();
  }

  /**
   * The tracks a compact holder's channel keeps: one for each chip its files could reach with every
   * subtree expanded (each device, each group), so that expanding or collapsing a subtree changes
   * neither its height nor the place of the holders below it.
   */
  private static int tracks(Holder h) {
    java.util.Set<Object> targets = new java.util.HashSet<>();
    for (OpenFile f : h.files()) {
      if (f instanceof DeviceFile d) {
        targets.add(d.device());
      } else if (f instanceof CdevFile c) {
        targets.add(c.device());
      } else if (f instanceof GroupFile g) {
        targets.add(g.group());
      }
    }
    return targets.size();
  }

  /** A compact holder's height when its channel keeps {@code chips} tracks. */
  private static double compactHeight(int chips) {
    return TITLE_H + SUMMARY_H + channel(chips);
  }

  /**
   * A holder as one line: "5 fds \u2192 01:00.0 \u00d73, 1c.0 \u00d72", with one edge per chip its
   * files reach, leaving the line's bottom and running in the holder's own channel to the corridor;
   * {@code height} is {@link #compactHeight} of its {@link #tracks}, worked out once for its
   * column.
   */
  private Box compactHolder(Holder h, double x, double y, double height) {
    Map<Bdf, List<OpenFile>> reached = reached(h);
    Box box = new Box(x, y, COMPACT_W, height);
    StringBuilder text = new StringBuilder();
    text.append(h.files().size()).append(h.files().size() == 1 ? " fd" : " fds");
    String sep = " \u2192 ";
    for (Map.Entry<Bdf, List<OpenFile>> e : reached.entrySet()) {
      text.append(sep).append(Labels.shortBdf(e.getKey()));
      if (e.getValue().size() > 1) {
        text.append(" \u00d7").append(e.getValue().size());
      }
      sep = ", ";
    }
    String summary = TextMetrics.clip(text.toString(), COMPACT_W - 2 * PAD);
    double lineBottom = y + TITLE_H + SUMMARY_H;
    Lane g =
        new Lane(new DropTarget.GroupLane(h.name()), new Box(x, y, 0, 0), groupTitle(h), List.of());
    Lane c =
        new Lane(new DropTarget.CdevLane(h.name()), new Box(x, y, 0, 0), cdevTitle(h), List.of());
    holders.add(new HolderNode(h.name(), h.pid(), box, g, c, Optional.of(summary)));
    int k = 0;
    for (Map.Entry<Bdf, List<OpenFile>> e : reached.entrySet()) {
      OpenFile first = e.getValue().get(0);
      double startX = x + PAD + 6 + 6 * k;
      double channelY = lineBottom + 4 + 3 * k;
      List<GraphModel.Point> pts = new ArrayList<>();
      pts.add(new GraphModel.Point(startX, lineBottom));
      pts.add(new GraphModel.Point(startX, channelY));
      Bdf to = e.getKey();
      GroupTarget group = new GroupTarget(first);
      route(pts, h.name(), channelY, to, group.inset(to));
      edges.add(
          new FdEdge(
              new FdRef(h.name(), first.fd()),
              kindOf(first),
              List.copyOf(pts),
              Optional.of(to),
              group.group));
      k++;
    }
    return box;
  }

  private static FdKind kindOf(OpenFile f) {
    if (f instanceof GroupFile) {
      return FdKind.GROUP;
    }
    if (f instanceof CdevFile) {
      return FdKind.CDEV;
    }
    return FdKind.DEVICE;
  }

  /** For a group file: its group, and how far above the chip its edge stops (the hull's pad). */
  private final class GroupTarget {
    final java.util.OptionalInt group;

    GroupTarget(OpenFile f) {
      group =
          f instanceof GroupFile g
              ? java.util.OptionalInt.of(g.group())
              : java.util.OptionalInt.empty();
    }

    double inset(Bdf target) {
      return group.isEmpty() ? 0 : hullInset(group.getAsInt(), target);
    }
  }

  /**
   * How far above {@code target}'s chip an edge to {@code group} stops: the hull's pad when the
   * chip's top lies inside the group's hull, else nothing.
   */
  private double hullInset(int group, Bdf target) {
    Box chip = routes.chipBox(target);
    GroupHull hull = hullOf.get(group);
    return hull != null && hull.boxes().stream().anyMatch(b -> b.contains(chip.centerX(), chip.y()))
        ? 7
        : 0;
  }

  /**
   * From a point in the holder's channel (at {@code channelY}) to the top of {@code target}'s chip:
   * along the channel to the corridor (or, from a later column, up its track and across the band on
   * top), then through the tree's free channels. One entry per holder and target chip: several fds
   * of one holder on one chip (a collapsed subtree's, say) arrive as one bundle.
   */
  private void route(
      List<GraphModel.Point> pts, String holder, double channelY, Bdf target, double inset) {
    Box to = routes.chipBox(target);
    String bundle = holder + "|" + target;
    Integer known = bundles.get(bundle);
    int k = known != null ? known : entries.merge(target, 1, Integer::sum) - 1;
    bundles.put(bundle, k);
    double entryX = to.x() + 12 + 9 * Math.min(k, 14);
    double corridorX = corridor0 + CORRIDOR_TRACK * holderIndex;
    if (Double.isNaN(columnTrackX)) {
      pts.add(new GraphModel.Point(corridorX, channelY));
    } else {
      double topY = topTrackY(holderIndex);
      pts.add(new GraphModel.Point(columnTrackX, channelY));
      pts.add(new GraphModel.Point(columnTrackX, topY));
      pts.add(new GraphModel.Point(corridorX, topY));
    }
    pts.addAll(routes.fromCorridor(target, entryX, to.y() - inset, holderIndex, corridorX));
  }

  /** How many holders from {@code from} on fit in one column. */
  private static int countInNextColumn(double[] heights, int from, double columnH) {
    double y = 0;
    int n = 0;
    for (int i = from; i < heights.length; i++) {
      if (n > 0 && y + heights[i] > columnH) {
        break;
      }
      y += heights[i] + 2 * PAD;
      n++;
    }
    return n;
  }

  private static double laneWidth(List<OpenFile> files) {
    return files.size() * (FD_W + PAD) + PAD;
  }

  private static List<OpenFile> groupFiles(Holder h) {
    return h.files().stream()
        .filter(
            f -> f instanceof ContainerFile || f instanceof GroupFile || f instanceof DeviceFile)
        .toList();
  }

  private static List<OpenFile> cdevFiles(Holder h) {
    return h.files().stream()
        .filter(f -> f instanceof IommufdFile || f instanceof CdevFile)
        .toList();
  }

  private static String groupTitle(Holder h) {
    return "groups \u00b7 "
        + h.files().stream()
            .filter(ContainerFile.class::isInstance)
            .map(f -> "container " + ((ContainerFile) f).container())
            .findFirst()
            .orElse("no container");
  }

  private static String cdevTitle(Holder h) {
    return "cdevs \u00b7 "
        + h.files().stream()
            .filter(IommufdFile.class::isInstance)
            .map(f -> "iommufd " + ((IommufdFile) f).iommufd())
            .findFirst()
            .orElse("no iommufd");
  }

  private Lane lane(Holder h, DropTarget target, Box box, String title, List<OpenFile> files) {
    List<FdChip> out = new ArrayList<>();
    double x = box.x() + PAD;
    double y = box.y() + LANE_HEADER;
    int track = 0;
    for (OpenFile f : files) {
      Box chip = new Box(x, y, FD_W, FD_H);
      FdRef ref = new FdRef(h.name(), f.fd());
      FdChip c = chip(ref, f, chip);
      out.add(c);
      if (edge(c, f, track)) {
        track++;
      }
      x += FD_W + PAD;
    }
    return new Lane(target, box, title, out);
  }

  private FdChip chip(FdRef ref, OpenFile f, Box box) {
    String fd = "fd " + f.fd() + "\n";
    if (f instanceof ContainerFile c) {
      return new FdChip(
          ref, box, fd + "container " + c.container(), FdKind.CONTAINER, Optional.empty());
    }
    if (f instanceof GroupFile g) {
      return new FdChip(ref, box, fd + "/dev/vfio/" + g.group(), FdKind.GROUP, Optional.empty());
    }
    if (f instanceof DeviceFile d) {
      return new FdChip(
          ref,
          box,
          fd + "device " + Labels.shortBdf(d.device()),
          FdKind.DEVICE,
          Optional.of(d.device()));
    }
    if (f instanceof IommufdFile i) {
      return new FdChip(ref, box, fd + "iommufd " + i.iommufd(), FdKind.IOMMUFD, Optional.empty());
    }
    if (f instanceof CdevFile c) {
      String devid =
          a.device(c.device())
              .filter(d -> d.cdevFd().map(ref::equals).orElse(false))
              .flatMap(
                  d ->
                      d.devid().isPresent()
                          ? Optional.of(" devid " + d.devid().getAsLong())
                          : Optional.empty())
              .orElse(c.isBound() ? "" : " unbound");
      return new FdChip(
          ref,
          box,
          fd + "cdev " + Labels.shortBdf(c.device()) + devid,
          FdKind.CDEV,
          Optional.of(c.device()));
    }
    return new FdChip(ref, box, fd + f.describe(), FdKind.OTHER, Optional.empty());
  }

  /**
   * Routes the edge from an fd chip to what it holds: down into the lane's channel on {@code
   * track}, left along it to the holder's corridor track, then through the tree's free channels to
   * the function's top (or the top of the group's hull). Returns whether an edge was made.
   */
  private boolean edge(FdChip c, OpenFile f, int track) {
    Bdf target;
    java.util.OptionalInt group = java.util.OptionalInt.empty();
    double inset;
    if (c.device().isPresent()) {
      target = shownAs.apply(c.device().get());
      inset = 0;
    } else if (f instanceof GroupFile g) {
      target = target(f).orElse(null);
      group = java.util.OptionalInt.of(g.group());
      inset = target == null ? 0 : hullInset(g.group(), target);
    } else {
      return false;
    }
    if (target == null || routes.chipBox(target) == null) {
      return false;
    }
    Box from = c.box();
    double channelY = from.bottom() + 4 + 3 * track;
    List<GraphModel.Point> pts = new ArrayList<>();
    pts.add(new GraphModel.Point(from.centerX(), from.bottom()));
    pts.add(new GraphModel.Point(from.centerX(), channelY));
    route(pts, c.fd().holder(), channelY, target, inset);
    edges.add(new FdEdge(c.fd(), c.kind(), List.copyOf(pts), Optional.of(target), group));
    return true;
  }

  List<HolderNode> holders() {
    return holders;
  }

  List<FdEdge> edges() {
    return edges;
  }

  Box unowned() {
    return unowned;
  }
}
