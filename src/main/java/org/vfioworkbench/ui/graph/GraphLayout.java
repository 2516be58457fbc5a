package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.ResetScope;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.graph.GraphModel.BusNode;
import org.vfioworkbench.ui.graph.GraphModel.ComplexNode;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;
import org.vfioworkbench.ui.graph.GraphModel.GroupHull;
import org.vfioworkbench.ui.graph.GraphModel.Line;
import org.vfioworkbench.ui.graph.GraphModel.ScopeOutline;

/**
 * Lays the PCI tree out top-down: root complex, root buses, functions as chips, and below each
 * bridge its secondary bus. Buses with many functions wrap into rows. Group hulls and reset-scope
 * outlines are drawn around the chips; holders go beside the tree ({@link HolderLayout}). Pure.
 */
public final class GraphLayout {

  static final double CHIP_W = 156;
  static final double CHIP_H = 58;
  static final double GAP = 30;
  static final double BUS_H = 22;
  static final double BUS_TO_CHIP = 26;

  /** Below each chip: the hull caption, then up to two reset-scope captions. */
  static final double CAPTION_Y = 8;

  static final int CAPTION_LINES = 3;
  static final double BAND = CAPTION_Y + CAPTION_LINES * TextMetrics.LINE_H;
  static final double CHIP_TO_BUS = BAND + 10;
  static final double ROW_GAP = BAND + 10;
  static final double COMPLEX_H = 34;
  static final double MARGIN = 40;

  /**
   * A bus drawn in more than one row keeps this much free at its left, where the line from each
   * row's bar to the next runs ({@link #SPINE_X} in from the bars' left ends): the rows' chips, the
   * subtrees below them, their hulls and captions all start right of it.
   */
  static final double SPINE = 16;

  /** Where a bus's row-to-row line runs, from the bars' left ends. */
  static final double SPINE_X = 4;

  /**
   * Where the line from a bridge's chip down to its secondary bus leaves the chip, in from the
   * chip's right edge: under its expander, and clear of the captions written under the chip's left.
   */
  static final double CONNECTOR_IN = 15;

  static final int MAX_COLUMNS = 8;

  /** In a big host's overview: more chips per row, and segments one below the other. */
  static final int OVERVIEW_COLUMNS = 10;

  /**
   * Hosts with more functions than this open collapsed to what holds VFIO devices (and with nothing
   * selected: the same bound).
   */
  public static final int COLLAPSE_ABOVE =
      org.vfioworkbench.ui.state.WorkbenchState.SELECT_ON_OPEN_UP_TO;

  private final Analysis a;
  private final java.util.Set<Bdf> collapsed;
  private final java.util.Set<Bdf> folded;
  private final java.util.function.Predicate<String> compactHolder;
  private final Map<BusAddress, Integer> foldedOn = new HashMap<>();
  private final Map<Bdf, Bdf> shownAs = new HashMap<>();
  private final Map<BusAddress, Double> widths = new HashMap<>();
  private final Map<BusAddress, Double> heights = new HashMap<>();
  private final List<BusNode> buses = new ArrayList<>();
  private final List<FunctionNode> functions = new ArrayList<>();
  private final Map<Bdf, Box> chipBox = new HashMap<>();

  /** For each chip with a line down to its subtree: that line's x. */
  private final Map<Box, Double> connectorX = new HashMap<>();

  private final Map<Double, List<Box>> chipsInRow = new HashMap<>();
  private final Map<BusAddress, Box> busBox = new HashMap<>();
  private final List<Line> edges = new ArrayList<>();
  private final TreeRoutes routes = new TreeRoutes();
  private final SpatialIndex placed = new SpatialIndex();

  private GraphLayout(
      Analysis a,
      java.util.Set<Bdf> collapsed,
      java.util.Set<Bdf> folded,
      java.util.function.Predicate<String> compactHolder,
      double holdersFrom) {
    this.a = a;
    this.holdersFrom = holdersFrom;
    this.collapsed = collapsed;
    this.folded = folded;
    this.compactHolder = compactHolder;
    this.overview = opensAsOverview(a);
    this.facts = SubtreeFacts.of(a);
    this.fold = facts.fold();
  }

  /** Subtrees' functions and summaries, and reset verdicts: shared by layouts of one analysis. */
  private final SubtreeFacts facts;

  private final boolean overview;

  /** Why what {@code folded} leaves out is left out, for the bus bars' captions. */
  private final GraphModel.Fold fold;

  /** The least x the holders' side may begin at ({@link GraphModel#holdersX}). */
  private final double holdersFrom;

  /** Lays out the whole graph of one analysed topology, every subtree expanded. */
  public static GraphModel compute(Analysis a) {
    return compute(a, java.util.Set.of());
  }

  /**
   * Lays out the graph with the subtrees below the {@code collapsed} bridges each drawn as their
   * bridge's chip with a summary.
   */
  public static GraphModel compute(Analysis a, java.util.Set<Bdf> collapsed) {
    return compute(a, collapsed, java.util.Set.of(), h -> false);
  }

  /**
   * Lays out the graph as {@link #compute(Analysis, java.util.Set)} does, without the {@code
   * folded} functions (and what is below them; each bus bar counts those it leaves out), and with
   * the holders {@code compactHolder} names drawn as one line, their fds' edges bundled into one
   * per target chip.
   */
  public static GraphModel compute(
      Analysis a,
      java.util.Set<Bdf> collapsed,
      java.util.Set<Bdf> folded,
      java.util.function.Predicate<String> compactHolder) {
    return compute(a, collapsed, folded, compactHolder, 0);
  }

  /**
   * Lays out the graph as {@link #compute(Analysis, java.util.Set, java.util.Set,
   * java.util.function.Predicate)} does, with the holders' side beginning at {@code holdersFrom}
   * when the tree ends left of it: an expand or a collapse laid out with the shown graph's {@link
   * GraphModel#holdersX} leaves the holders, their corridor and every edge into a chip that did not
   * move where they were, unless the tree grows past them.
   */
  public static GraphModel compute(
      Analysis a,
      java.util.Set<Bdf> collapsed,
      java.util.Set<Bdf> folded,
      java.util.function.Predicate<String> compactHolder,
      double holdersFrom) {
    return new GraphLayout(a, collapsed, folded, compactHolder, holdersFrom).run();
  }

  /** Whether the host is big enough to open as an overview: collapsed, folded, compact holders. */
  public static boolean opensAsOverview(Analysis a) {
    return a.topology().functions().size() > COLLAPSE_ABOVE;
  }

  /**
   * The functions a host opens without ({@link HostOpening}): in a big host's overview those on a
   * root bus with nothing it keeps in view (open, or else bound to vfio-pci) in or below them; in
   * any other graph, and in an overview of a host with neither, the platform functions on its root
   * buses. Their bus bar says how many; selecting one (in the Explorer, say) brings it back.
   */
  public static java.util.Set<Bdf> defaultFolded(Analysis a) {
    return HostOpening.of(a).folded();
  }

  /**
   * Reveals {@code bdf} in {@code collapsed} and {@code folded} (the bridges a layout collapses and
   * the root-bus functions it leaves out): expands every collapsed bridge above it and brings back
   * the folded root-bus function it is or is below, so it gets its own chip. Returns whether either
   * set changed.
   */
  public static boolean reveal(
      Analysis a, Bdf bdf, java.util.Set<Bdf> collapsed, java.util.Set<Bdf> folded) {
    boolean changed = folded.remove(bdf);
    for (Bdf up : a.pci().bridgesAbove(bdf)) {
      changed |= collapsed.remove(up);
      changed |= folded.remove(up);
    }
    return changed;
  }

  /**
   * The bridges a host opens collapsed: none for up to {@link #COLLAPSE_ABOVE} functions; above,
   * every bridge whose subtree holds nothing the overview keeps in view ({@link HostOpening}: what
   * a holder has open, or else what is bound to vfio-pci), and when that still leaves more than
   * {@link #COLLAPSE_ABOVE} chips, every bridge on a root bus too (a depth that fits).
   */
  public static java.util.Set<Bdf> defaultCollapsed(Analysis a) {
    java.util.Set<Bdf> out = new java.util.HashSet<>();
    if (a.topology().functions().size() <= COLLAPSE_ABOVE) {
      return out;
    }
    HostOpening opening = HostOpening.of(a);
    for (PciFunction f : a.topology().functions()) {
      Optional<BusAddress> sub = a.pci().subordinateOf(f.bdf());
      if (sub.isPresent() && !opening.holdsKept(sub.get())) {
        out.add(f.bdf());
      }
    }
    if (chipsShown(a, out) > COLLAPSE_ABOVE) {
      for (int seg : a.pci().segments()) {
        for (BusAddress root : a.pci().rootBuses(seg)) {
          for (PciFunction f : a.pci().functionsOn(root)) {
            if (a.pci().subordinateOf(f.bdf()).isPresent()) {
              out.add(f.bdf());
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * How many chips a layout with {@code collapsed} and nothing folded draws: every function but
   * those below a collapsed bridge. Counted without laying the graph out (on the 10k host that
   * layout took most of the time {@link #defaultCollapsed} took).
   */
  static int chipsShown(Analysis a, java.util.Set<Bdf> collapsed) {
    int n = 0;
    for (PciFunction f : a.topology().functions()) {
      if (a.pci().bridgesAbove(f.bdf()).stream().noneMatch(collapsed::contains)) {
        n++;
      }
    }
    return n;
  }

  /** Every function below a bridge (its secondary bus and down). */
  private List<Bdf> below(Bdf bridge) {
    return facts.below(bridge);
  }

  private boolean isCollapsed(Bdf bdf) {
    return collapsed.contains(bdf) && a.pci().subordinateOf(bdf).isPresent();
  }

  private Optional<BusAddress> shownSub(Bdf bdf) {
    return isCollapsed(bdf) ? Optional.empty() : a.pci().subordinateOf(bdf);
  }

  /**
   * The y where the gap between a segment's root buses' bars and their first row of chips starts,
   * for a segment whose root complex starts at {@code segmentTop}.
   */
  static double rootGapTop(double segmentTop) {
    return segmentTop + COMPLEX_H + GAP / 2 + BUS_H;
  }

  /** Above this many holders, they stand in several columns and edges use a band on top. */
  static final int ONE_COLUMN_UP_TO = 6;

  /** Where the tree and holders start: below the band of edge tracks when there is one. */
  private double top = MARGIN;

  private GraphModel run() {
    Topology t = a.topology();
    int holderCount = t.holders().size();
    if (holderCount > ONE_COLUMN_UP_TO) {
      top = MARGIN + HolderLayout.topBand(holderCount);
    }
    List<ComplexNode> complexes = new ArrayList<>();
    double x = MARGIN;
    double treeBottom = top;
    double segmentTop = top;
    double treeRight = MARGIN + CHIP_W;
    for (int seg : a.pci().segments()) {
      if (overview && seg != a.pci().segments().first()) {
        // Segments one below the other: a big host's tree is then about as wide as it is tall.
        x = MARGIN;
        segmentTop = treeBottom + GAP;
      }
      routes.rootGapTop(seg, rootGapTop(segmentTop));
      double start = x;
      double y = segmentTop + COMPLEX_H + GAP / 2;
      for (BusAddress root : a.pci().rootBuses(seg)) {
        double w = width(root);
        place(root, x, y, null, x + w);
        treeBottom = Math.max(treeBottom, y + height(root));
        x += w + GAP;
      }
      double w = Math.max(CHIP_W, x - GAP - start);
      Box cbox = new Box(start, segmentTop, w, COMPLEX_H);
      placed.add(cbox);
      complexes.add(new ComplexNode(seg, cbox));
      for (BusNode b : buses) {
        if (b.root() && !b.continued() && b.bus().segment() == seg) {
          edges.add(
              new Line(
                  b.box().x() + 12, cbox.bottom(), b.box().x() + 12, b.box().y(), seg, b.bus()));
        }
      }
      treeRight = Math.max(treeRight, x - GAP);
      x += GAP;
    }
    List<GroupHull> hulls = hulls();
    List<ScopeOutline> scopes = scopes();
    // In an overview the holders' columns measure against the tree with nothing expanded below
    // its root buses: expanding or collapsing a subtree then leaves them where they stand.
    double columnsAgainst = overview ? rootRowsHeight() : treeBottom - top;
    double holdersX = Math.max(treeRight + GAP, holdersFrom);
    HolderLayout holders =
        new HolderLayout(
            a, routes, this::shownAs, hulls, holdersX, top, columnsAgainst, compactHolder);
    Box holderArea = holders.run();
    Box bounds =
        new Box(
            0,
            0,
            Math.max(treeRight, holderArea.right()) + MARGIN,
            Math.max(treeBottom, holderArea.bottom()) + MARGIN);
    return new GraphModel(
        complexes,
        buses,
        functions,
        edges,
        hulls,
        scopes,
        holders.holders(),
        holders.edges(),
        holders.unowned(),
        bounds,
        holdersX,
        holdersX - (treeRight + GAP));
  }

  /**
   * The height of an overview's tree with every bridge on a root bus collapsed (its segments one
   * below the other): the tree's height as a big host opens, whatever is expanded since.
   */
  private double rootRowsHeight() {
    double h = 0;
    for (int seg : a.pci().segments()) {
      double tallest = 0;
      for (BusAddress root : a.pci().rootBuses(seg)) {
        tallest =
            Math.max(tallest, busHeight(java.util.Collections.nCopies(rows(root).size(), CHIP_H)));
      }
      h += (h > 0 ? GAP : 0) + COMPLEX_H + GAP / 2 + tallest;
    }
    return h;
  }

  private double slotWidth(PciFunction f) {
    return shownSub(f.bdf()).map(s -> Math.max(CHIP_W, width(s))).orElse(CHIP_W);
  }

  private double slotHeight(PciFunction f) {
    return CHIP_H + shownSub(f.bdf()).map(s -> CHIP_TO_BUS + height(s)).orElse(0.0);
  }

  /** The space between one shelf of a wrapped row's subtrees and the next one down. */
  static final double SHELF_GAP = 20;

  /**
   * A bus drawn in more than one row keeps its chips where they are when a bridge among them opens:
   * every chip takes one chip's width in its row, and the subtree below an open bridge hangs in the
   * space under the row, starting at its bridge's left edge, on a shelf. Shelves are filled from
   * the row's right end: a subtree goes on the lowest shelf so far when it ends at least {@link
   * #GAP} before the subtrees already there (all of them to its right), else on a new shelf below.
   * So every subtree above a bridge's shelf belongs to a bridge right of it: the line from the
   * bridge down to its subtree, under its right end, and the column a route climbs from its
   * subtree, in the gap left of it, pass none of them. Expanding one bridge moves nothing above or
   * beside it, and widens the bus only when its subtree is wider than the row's room.
   *
   * @param shelf for each open bridge of the row (by its index in the row), its shelf (0: just
   *     below the row)
   * @param heights each shelf's height (its tallest subtree)
   * @param left for the one open bridge of a row whose subtree would stick out past the bus's
   *     widest row from its bridge's left edge: where it starts instead, from the row's first slot,
   *     so that it ends with that row (or at the first slot, when it is wider than the row); its
   *     routes then climb in the column right of it, past the row's last chip
   */
  private record Shelves(
      Map<Integer, Integer> shelf, List<Double> heights, Map<Integer, Double> left) {

    /** Where bridge {@code i}'s subtree starts, from the row's first slot. */
    double leftOf(int i) {
      return left.getOrDefault(i, wrappedX(i));
    }

    /** Whether bridge {@code i}'s subtree was moved left to stay inside the bus's rows. */
    boolean shifted(int i) {
      return left.containsKey(i);
    }

    /** The row's height below its chips' tops: the chips, and the shelves under them. */
    double below() {
      if (heights.isEmpty()) {
        return CHIP_H;
      }
      double h = CHIP_H + CHIP_TO_BUS + SHELF_GAP * (heights.size() - 1);
      for (double s : heights) {
        h += s;
      }
      return h;
    }

    /** Where shelf {@code i}'s bus bars start, for a row whose chips end at {@code chipsBottom}. */
    double top(int i, double chipsBottom) {
      double y = chipsBottom + CHIP_TO_BUS;
      for (int k = 0; k < i; k++) {
        y += heights.get(k) + SHELF_GAP;
      }
      return y;
    }
  }

  /** A chip's left edge in a wrapped row, from the row's first slot. */
  private static double wrappedX(int column) {
    return column * (CHIP_W + GAP);
  }

  /** The width of a wrapped bus's widest row of chips, from its first slot. */
  private double chipsWidth(BusAddress bus) {
    double w = CHIP_W;
    for (List<PciFunction> row : rows(bus)) {
      w = Math.max(w, wrappedX(row.size() - 1) + CHIP_W);
    }
    return w;
  }

  /**
   * Each wrapped row's shelves, worked out once per layout: the bus's width, its height and the
   * row's placing all ask for them. Keyed by the row's list itself, which {@link #rows} keeps.
   */
  private final Map<List<PciFunction>, Shelves> shelvesOf = new java.util.IdentityHashMap<>();

  private Shelves shelves(BusAddress bus, List<PciFunction> row) {
    Shelves cached = shelvesOf.get(row);
    if (cached == null) {
      // Not computeIfAbsent: working them out asks for the shelves of the buses below the row.
      cached = layShelves(bus, row);
      shelvesOf.put(row, cached);
    }
    return cached;
  }

  private Shelves layShelves(BusAddress bus, List<PciFunction> row) {
    Map<Integer, Integer> shelf = new HashMap<>();
    Map<Integer, Double> left = new HashMap<>();
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      if (shownSub(row.get(i).bdf()).isPresent()) {
        open.add(i);
      }
    }
    if (open.size() == 1) {
      // Alone below its row, a subtree too wide to start at its bridge ends with the widest row:
      // no other subtree's line or route can cross it, and the bus does not widen for it.
      int i = open.get(0);
      double subW = width(shownSub(row.get(i).bdf()).orElseThrow());
      double room = chipsWidth(bus);
      if (wrappedX(i) + subW > room) {
        left.put(i, Math.max(0, room - subW));
      }
    }
    List<Double> heights = new ArrayList<>();
    List<Double> leftmost = new ArrayList<>();
    for (int i = row.size() - 1; i >= 0; i--) {
      Optional<BusAddress> sub = shownSub(row.get(i).bdf());
      if (sub.isEmpty()) {
        continue;
      }
      double start = left.getOrDefault(i, wrappedX(i));
      double right = start + width(sub.get());
      // Only the lowest shelf so far: one higher up could hold subtrees right of a wider
      // neighbour already further down, and this one's line down would cross that neighbour.
      int s = leftmost.size() - 1;
      if (s < 0 || right + GAP > leftmost.get(s)) {
        s = leftmost.size();
        leftmost.add(start);
        heights.add(height(sub.get()));
      } else {
        leftmost.set(s, start);
        heights.set(s, Math.max(heights.get(s), height(sub.get())));
      }
      shelf.put(i, s);
    }
    return new Shelves(shelf, heights, left);
  }

  private final Map<BusAddress, List<List<PciFunction>>> rowsOf = new HashMap<>();

  private List<List<PciFunction>> rows(BusAddress bus) {
    return rowsOf.computeIfAbsent(bus, this::wrap);
  }

  private List<List<PciFunction>> wrap(BusAddress bus) {
    List<PciFunction> all = a.pci().functionsOn(bus);
    List<PciFunction> fns =
        folded.isEmpty() ? all : all.stream().filter(f -> !folded.contains(f.bdf())).toList();
    foldedOn.put(bus, all.size() - fns.size());
    List<List<PciFunction>> rows = new ArrayList<>();
    int columns = overview ? OVERVIEW_COLUMNS : MAX_COLUMNS;
    for (int i = 0; i < fns.size(); i += columns) {
      rows.add(fns.subList(i, Math.min(fns.size(), i + columns)));
    }
    if (rows.isEmpty()) {
      rows.add(List.of());
    }
    return rows;
  }

  private double width(BusAddress bus) {
    Double cached = widths.get(bus);
    if (cached != null) {
      return cached;
    }
    double w = CHIP_W;
    List<List<PciFunction>> rows = rows(bus);
    for (List<PciFunction> row : rows) {
      double rw = 0;
      Shelves shelves = rows.size() > 1 ? shelves(bus, row) : null;
      for (int i = 0; i < row.size(); i++) {
        PciFunction f = row.get(i);
        if (shelves != null) {
          Optional<BusAddress> sub = shownSub(f.bdf());
          double right =
              sub.isPresent()
                  ? Math.max(wrappedX(i) + CHIP_W, shelves.leftOf(i) + width(sub.get()))
                  : wrappedX(i) + CHIP_W;
          rw = Math.max(rw, right + GAP);
        } else {
          rw += slotWidth(f) + GAP;
        }
      }
      w = Math.max(w, rw - GAP);
    }
    if (rows.size() > 1) {
      w += SPINE;
    }
    int left = foldedOn.getOrDefault(bus, 0);
    if (left > 0 && rows.size() == 1 && rows.get(0).isEmpty()) {
      // Nothing drawn on it but its bar: wide enough to say how many functions it leaves out.
      w = Math.max(w, BusNode.countedCaptionWidth(bus, left));
    }
    widths.put(bus, w);
    return w;
  }

  /**
   * A bus's height from its rows' heights below their chips' tops: each row's bar, the gap to its
   * chips and the gap to the next row, and below the last the captions' band.
   */
  private static double busHeight(List<Double> rowHeights) {
    double h = 0;
    for (double rh : rowHeights) {
      h += BUS_H + BUS_TO_CHIP + rh + ROW_GAP;
    }
    return h + BAND - ROW_GAP;
  }

  private double height(BusAddress bus) {
    Double cached = heights.get(bus);
    if (cached != null) {
      return cached;
    }
    List<Double> rowHeights = new ArrayList<>();
    List<List<PciFunction>> rows = rows(bus);
    for (List<PciFunction> row : rows) {
      double rh = 0;
      if (rows.size() > 1) {
        rh = shelves(bus, row).below();
      } else {
        for (PciFunction f : row) {
          rh = Math.max(rh, slotHeight(f));
        }
      }
      rowHeights.add(rh);
    }
    double h = busHeight(rowHeights);
    heights.put(bus, h);
    return h;
  }

  /**
   * Places a bus and its subtree at (x, y); {@code bridge} is the function whose secondary bus it
   * is (null for a root bus) and {@code columnX} where the free column to the right of its slot
   * starts.
   */
  private void place(BusAddress bus, double x, double y, Bdf bridge, double columnX) {
    boolean root = bridge == null;
    routes.bus(bus, columnX, bridge);
    double w = width(bus);
    double rowY = y;
    boolean first = true;
    Box prevBar = null;
    int rowNumber = 0;
    List<List<PciFunction>> rows = rows(bus);
    double slotsX = rows.size() > 1 ? x + SPINE : x;
    for (List<PciFunction> row : rows) {
      Box bar = new Box(x, rowY, w, BUS_H);
      buses.add(
          new BusNode(bus, bar, root, !first, first ? foldedOn.getOrDefault(bus, 0) : 0, fold));
      placed.add(bar);
      busBox.merge(bus, bar, Box::union);
      if (prevBar != null) {
        edges.add(new Line(x + SPINE_X, prevBar.bottom(), x + SPINE_X, bar.y(), bus, rowNumber));
      }
      double chipY = rowY + BUS_H + BUS_TO_CHIP;
      if (rows.size() > 1) {
        double below = placeWrappedRow(bus, row, slotsX, chipY, bar, first);
        prevBar = bar;
        rowY = chipY + below + ROW_GAP;
        first = false;
        rowNumber++;
        continue;
      }
      double cx = slotsX;
      double rh = 0;
      for (PciFunction f : row) {
        double sw = slotWidth(f);
        Box chip = new Box(cx + (sw - CHIP_W) / 2, chipY, CHIP_W, CHIP_H);
        addChip(f, chip);
        routes.chip(f.bdf(), chip, bus, first);
        edges.add(new Line(chip.centerX(), bar.bottom(), chip.centerX(), chip.y(), bus, f.bdf()));
        Optional<BusAddress> sub = shownSub(f.bdf());
        if (sub.isPresent()) {
          double subW = width(sub.get());
          double subX = cx + (sw - subW) / 2;
          double subY = chip.bottom() + CHIP_TO_BUS;
          place(sub.get(), subX, subY, f.bdf(), cx + sw);
          double down = chip.right() - CONNECTOR_IN;
          connectorX.put(chip, down);
          edges.add(new Line(down, chip.bottom(), down, subY, f.bdf(), sub.get()));
        }
        rh = Math.max(rh, slotHeight(f));
        cx += sw + GAP;
      }
      prevBar = bar;
      rowY = chipY + rh + ROW_GAP;
      first = false;
      rowNumber++;
    }
  }

  /**
   * One row of a bus drawn in several rows: chips one chip's width apart, and below them the
   * subtrees of the open bridges on their {@link Shelves}, each starting at its bridge's left edge,
   * a route climbing out of it in the gap left of its bridge; or, for a subtree alone below its row
   * and too wide for that, ending with the bus's widest row, its routes climbing right of it.
   * Returns the row's height below its chips' tops.
   */
  private double placeWrappedRow(
      BusAddress bus, List<PciFunction> row, double slotsX, double chipY, Box bar, boolean first) {
    Shelves shelves = shelves(bus, row);
    for (int i = 0; i < row.size(); i++) {
      PciFunction f = row.get(i);
      double cx = slotsX + wrappedX(i);
      Box chip = new Box(cx, chipY, CHIP_W, CHIP_H);
      addChip(f, chip);
      routes.chip(f.bdf(), chip, bus, first);
      edges.add(new Line(chip.centerX(), bar.bottom(), chip.centerX(), chip.y(), bus, f.bdf()));
      Optional<BusAddress> sub = shownSub(f.bdf());
      if (sub.isPresent()) {
        double subY = shelves.top(shelves.shelf().get(i), chip.bottom());
        double subX = slotsX + shelves.leftOf(i);
        double exit = shelves.shifted(i) ? subX + width(sub.get()) : cx - GAP;
        place(sub.get(), subX, subY, f.bdf(), exit);
        double down = chip.right() - CONNECTOR_IN;
        connectorX.put(chip, down);
        edges.add(new Line(down, chip.bottom(), down, subY, f.bdf(), sub.get()));
      }
    }
    return shelves.below();
  }

  private void addChip(PciFunction f, Box box) {
    chipBox.put(f.bdf(), box);
    placed.add(box);
    Optional<GraphModel.Summary> summary = Optional.empty();
    if (isCollapsed(f.bdf())) {
      List<Bdf> hidden = below(f.bdf());
      for (Bdf b : hidden) {
        shownAs.put(b, f.bdf());
      }
      summary = Optional.of(facts.summary(f.bdf()));
    }
    chipsInRow.computeIfAbsent(box.y(), k -> new ArrayList<>()).add(box);
    boolean open = a.device(f.bdf()).map(d -> d.isOpen()).orElse(false);
    functions.add(
        new FunctionNode(
            f.bdf(),
            box,
            Labels.deviceName(f),
            f.driver().label(),
            f.driver().kind(),
            f.isBridge(),
            f.iommuGroup(),
            open,
            a.device(f.bdf()).isPresent(),
            summary));
  }

  /** A reset scope's short name: "bus 06" (segment 0 left out), "slot s0-69". */
  static String scopeName(ResetScope s) {
    return s.kind() == ResetScope.Kind.SLOT
        ? "slot " + s.slot().map(x -> x.name()).orElse("?")
        : "bus " + s.bus().toString().replaceFirst("^0000:", "");
  }

  /** Where a function is drawn: its own chip, or the chip of the collapsed bridge above it. */
  Bdf shownAs(Bdf bdf) {
    return shownAs.getOrDefault(bdf, bdf);
  }

  private List<GroupHull> hulls() {
    // The groups with a chip shown, in order: a collapsed host shows a few of its groups, and
    // walking every group of the host (and every member) cost each expand what the host holds.
    java.util.SortedSet<Integer> shownGroups = new java.util.TreeSet<>();
    for (Bdf b : chipBox.keySet()) {
      a.pci().groupOf(b).ifPresent(shownGroups::add);
    }
    List<GroupHull> out = new ArrayList<>();
    for (int g : shownGroups) {
      List<Box> shown =
          a.pci().groupMembers(g).stream()
              .map(chipBox::get)
              .filter(java.util.Objects::nonNull)
              .toList();
      // Under a member with no line down to a subtree where there is one: more room.
      Box first =
          shown.stream().filter(c -> !connectorX.containsKey(c)).findFirst().orElse(shown.get(0));
      String text = "group " + g + (a.viable(g) ? "" : " \u00b7 not viable");
      Box label = caption(first, 0, text);
      out.add(
          new GroupHull(
              g,
              merge(shown),
              a.viable(g),
              label == null ? "" : TextMetrics.clip(text, label.w()),
              label == null ? new Box(first.x(), first.bottom(), 0, 0) : label));
    }
    return out;
  }

  /** Merges chips of one row into one rectangle when no other chip lies between them. */
  private List<Box> merge(List<Box> members) {
    List<Box> out = new ArrayList<>();
    for (Box m : members) {
      Box padded = m.pad(7);
      boolean merged = false;
      for (int i = 0; i < out.size(); i++) {
        Box o = out.get(i);
        if (Math.abs(o.y() - padded.y()) < 0.5) {
          Box u = o.union(padded);
          if (!coversForeignChip(u, members)) {
            out.set(i, u);
            merged = true;
            break;
          }
        }
      }
      if (!merged) {
        out.add(padded);
      }
    }
    return out;
  }

  private boolean coversForeignChip(Box area, List<Box> members) {
    for (Box c : chipsInRow.getOrDefault(area.y() + 7, List.of())) {
      if (!members.contains(c) && area.intersects(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A caption box for {@code text} below {@code chip} on {@code line} (0 = the hull's), as wide as
   * the text up to the chip's width and, under a bridge, up to the line down to its subtree
   * (callers clip the text to the box), if it overlaps nothing placed so far and leaves room for
   * three characters; placed when free.
   */
  private Box caption(Box chip, int line, String text) {
    double room = CHIP_W;
    Double down = connectorX.get(chip);
    if (down != null) {
      room = down - 4 - (chip.x() + 2);
    }
    double w = Math.min(room, TextMetrics.width(text));
    if (w < 3 * TextMetrics.CHAR_W) {
      return null;
    }
    Box b =
        new Box(
            chip.x() + 2,
            chip.bottom() + CAPTION_Y + line * TextMetrics.LINE_H,
            w,
            TextMetrics.LINE_H - 1);
    if (placed.overlapsAny(b)) {
      return null;
    }
    placed.add(b);
    return b;
  }

  private List<ScopeOutline> scopes() {
    Map<String, ResetScope> byKey = new LinkedHashMap<>();
    for (FunctionNode f : functions) {
      if (f.bridge()) {
        continue;
      }
      Optional<ResetScope> s = a.scope(f.bdf()).scope();
      if (s.isPresent() && s.get().functions().stream().anyMatch(chipBox::containsKey)) {
        byKey.putIfAbsent(s.get().describe(), s.get());
      }
    }
    // Scopes wholly inside collapsed subtrees have no chip to key them: their summary chip
    // carries the blocked badge instead.
    List<ResetScope> all = new ArrayList<>(byKey.values());
    // Bigger scopes first: drawn below, padded more, their captions placed after the inner ones'.
    all.sort(java.util.Comparator.comparingInt((ResetScope s) -> s.functions().size()));
    Map<ResetScope, Integer> depth = new HashMap<>();
    for (ResetScope s : all) {
      java.util.Set<Bdf> mine = new java.util.HashSet<>(s.functions());
      int d = 0;
      for (ResetScope o : all) {
        if (o != s && o.functions().size() < mine.size() && mine.containsAll(o.functions())) {
          d = Math.max(d, depth.getOrDefault(o, 0) + 1);
        }
      }
      depth.put(s, d);
    }
    List<ScopeOutline> out = new ArrayList<>();
    for (ResetScope s : all) {
      out.add(outline(s, depth.get(s)));
    }
    java.util.Collections.reverse(out);
    return out;
  }

  private ScopeOutline outline(ResetScope s, int depth) {
    List<Box> boxes =
        s.functions().stream().map(chipBox::get).filter(java.util.Objects::nonNull).toList();
    Box u = boxes.stream().reduce(Box::union).orElseThrow();
    boolean blocked = blocked(s);
    String text = (blocked ? "\u2718 " : "") + scopeName(s) + " reset" + " (" + s.size() + ")";
    double pad = 10 + 4 * Math.min(depth, 3);
    Box outline =
        new Box(
            u.x() - pad,
            u.y() - pad,
            u.w() + 2 * pad,
            u.h() + pad + CAPTION_Y + CAPTION_LINES * TextMetrics.LINE_H - 4 + Math.min(depth, 3));
    Box label = null;
    List<Box> bottomRow =
        boxes.stream()
            .filter(b -> Math.abs(b.bottom() - u.bottom()) < 0.5)
            .sorted(java.util.Comparator.comparingDouble(Box::x))
            .toList();
    for (int line = 1; line < CAPTION_LINES && label == null; line++) {
      for (Box chip : bottomRow) {
        label = caption(chip, line, text);
        if (label != null) {
          break;
        }
      }
    }
    String description =
        (s.kind() == ResetScope.Kind.SLOT ? "slot reset: " : "bus reset: ")
            + s.describe()
            + " ("
            + s.size()
            + " functions)"
            + (blocked ? "; the natural hot reset of an open device in it fails" : "");
    return new ScopeOutline(
        label == null ? "" : TextMetrics.clip(text, label.w()),
        outline,
        label == null ? new Box(u.x(), u.bottom(), 0, 0) : label,
        description,
        blocked,
        s.functions());
  }

  /** Whether the natural hot reset of some open device in the scope fails (the engine's answer). */
  private boolean blocked(ResetScope s) {
    return s.functions().stream().anyMatch(this::blockedFn);
  }

  /** Whether {@code b} is an open device whose natural hot reset fails (the engine's answer). */
  private boolean blockedFn(Bdf b) {
    return facts.blocked(b);
  }
}
