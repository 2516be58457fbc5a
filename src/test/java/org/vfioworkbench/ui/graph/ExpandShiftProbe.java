package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.skin.EdgeBundle;

/**
 * What one expand moves in a big host's overview, counted on the layouts alone (no window, so the
 * machine's load does not matter): for every collapsed subtree shown, the layout as the host opens
 * and the same with that one subtree expanded, and how many of the chips shown before, the holders,
 * the fd edges and the compact holders' bundle legs ({@link EdgeBundle#legs}) are no longer where
 * they were. Every moved element is work for the window: a skin translated or reshaped, its bounds
 * walked, its area painted. The same counts for the clicks that open holders' lanes in the
 * overview.
 *
 * <pre>
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.vfioworkbench.ui.graph.ExpandShiftProbe --sizes 2000,10000
 * </pre>
 */
public final class ExpandShiftProbe {

  private ExpandShiftProbe() {}

  /** What moved when one subtree was expanded. */
  record Shift(
      Bdf bridge,
      int chips,
      int chipsMoved,
      int holders,
      int holdersMoved,
      int edges,
      int edgesMoved,
      int legs,
      int legsKept,
      double widthBefore,
      double widthAfter) {}

  static List<Shift> shifts(Analysis a) {
    OverviewAsOpened overview = OverviewAsOpened.of(a);
    GraphModel before = overview.layout();
    List<Shift> out = new ArrayList<>();
    for (Bdf b : before.collapsedBridges()) {
      out.add(shift(b, before, overview.expanding(b)));
    }
    return out;
  }

  /**
   * The expands of {@link #shifts}, made one after another as a user (and the workbench benchmark)
   * makes them: each subtree expanded, then collapsed again, every layout made after the one before
   * it (holders kept where it had them).
   */
  static List<Shift> shiftsInTurn(Analysis a) {
    OverviewAsOpened overview = OverviewAsOpened.of(a);
    GraphModel shown = overview.layout();
    List<Bdf> bridges = shown.collapsedBridges();
    List<Shift> out = new ArrayList<>();
    for (Bdf b : bridges) {
      GraphModel open = overview.expanding(b, shown.holdersX());
      out.add(shift(b, shown, open));
      shown = overview.layout(open.holdersX());
    }
    return out;
  }

  /**
   * What a selection moves that opens holders' lanes: every function shown in the overview as it
   * opens whose focus involves holders (a click on its chip), laid out with those holders' lanes
   * open, against the overview as it opens. The "bridge" of each shift is the function selected.
   */
  static List<Shift> lanesOpened(Analysis a) {
    OverviewAsOpened overview = OverviewAsOpened.of(a);
    GraphModel shown = overview.layout();
    List<Shift> out = new ArrayList<>();
    for (GraphModel.FunctionNode f : shown.functions()) {
      Set<String> lanes = Focus.of(a, f.bdf()).holders();
      if (!lanes.isEmpty()) {
        GraphModel open = overview.revealing(f.bdf(), h -> !lanes.contains(h), shown.holdersX());
        out.add(shift(f.bdf(), shown, open));
      }
    }
    return out;
  }

  static Shift shift(Bdf bridge, GraphModel was, GraphModel now) {
    Map<Bdf, Box> chips = new HashMap<>();
    now.functions().forEach(f -> chips.put(f.bdf(), f.box()));
    int chipsMoved = 0;
    for (GraphModel.FunctionNode f : was.functions()) {
      chipsMoved += f.box().equals(chips.get(f.bdf())) ? 0 : 1;
    }
    Map<String, Box> holders = new HashMap<>();
    now.holders().forEach(h -> holders.put(h.name(), h.box()));
    int holdersMoved = 0;
    for (GraphModel.HolderNode h : was.holders()) {
      holdersMoved += h.box().equals(holders.get(h.name())) ? 0 : 1;
    }
    Map<FdRef, GraphModel.FdEdge> edges = new HashMap<>();
    now.fdEdges().forEach(e -> edges.put(e.fd(), e));
    int edgesMoved = 0;
    for (GraphModel.FdEdge e : was.fdEdges()) {
      GraphModel.FdEdge n = edges.get(e.fd());
      edgesMoved += n != null && n.points().equals(e.points()) ? 0 : 1;
    }
    Set<List<Object>> legsWere = legPlaces(was);
    int legs = 0;
    int kept = 0;
    for (List<Object> l : legPlacesList(now)) {
      legs++;
      kept += legsWere.contains(l) ? 1 : 0;
    }
    return new Shift(
        bridge,
        was.functions().size(),
        chipsMoved,
        was.holders().size(),
        holdersMoved,
        was.fdEdges().size(),
        edgesMoved,
        legs,
        kept,
        was.bounds().w(),
        now.bounds().w());
  }

  private static Set<List<Object>> legPlaces(GraphModel m) {
    return new HashSet<>(legPlacesList(m));
  }

  /** Every compact holder's bundle legs, as kind and ends. */
  private static List<List<Object>> legPlacesList(GraphModel m) {
    List<List<Object>> out = new ArrayList<>();
    for (EdgeBundle b : EdgeBundle.ofCompactHolders(m)) {
      for (EdgeBundle.Leg l : b.legs()) {
        out.add(List.of(b.holder(), l.kind(), l.x1(), l.y1(), l.x2(), l.y2()));
      }
    }
    return out;
  }

  private static int median(List<Integer> xs) {
    List<Integer> s = new ArrayList<>(xs);
    s.sort(null);
    return s.isEmpty() ? 0 : s.get(s.size() / 2);
  }

  public static void main(String[] args) {
    String sizes = "2000,10000";
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--sizes")) {
        sizes = args[i + 1];
      }
    }
    System.out.println(
        "| host | steps | chips shown | chips moved, median (max) | holders moved,"
            + " median | fd edges re-routed, median | bundle legs | legs kept in place, median"
            + " (max) | steps that widen the graph | steps that move no holder |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (String size : sizes.split(",")) {
      Analysis a = Analysis.of(BuiltInSamples.largeHost(Integer.parseInt(size.trim())));
      row(size.trim() + ", each alone", shifts(a));
      row(size.trim() + ", in turn", shiftsInTurn(a));
      row(size.trim() + ", a click that opens holders' lanes", lanesOpened(a));
    }
  }

  private static void row(String host, List<Shift> s) {
    if (s.isEmpty()) {
      return;
    }
    List<Integer> chipsMoved = s.stream().map(Shift::chipsMoved).toList();
    List<Integer> kept = s.stream().map(Shift::legsKept).toList();
    long wider = s.stream().filter(x -> x.widthAfter() > x.widthBefore()).count();
    long stay = s.stream().filter(x -> x.holdersMoved() == 0).count();
    System.out.printf(
        "| generated %s | %d | %d | %d (%d) | %d of %d | %d of %d | %d | %d (%d) | %d | %d |%n",
        host,
        s.size(),
        s.get(0).chips(),
        median(chipsMoved),
        chipsMoved.stream().mapToInt(Integer::intValue).max().orElse(0),
        median(s.stream().map(Shift::holdersMoved).toList()),
        s.get(0).holders(),
        median(s.stream().map(Shift::edgesMoved).toList()),
        s.get(0).edges(),
        median(s.stream().map(Shift::legs).toList()),
        median(kept),
        kept.stream().mapToInt(Integer::intValue).max().orElse(0),
        wider,
        stay);
  }
}
