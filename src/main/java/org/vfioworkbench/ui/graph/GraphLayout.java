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
  static final double CHIP_TO_BUS = 40;
  static final double COMPLEX_H = 34;
  static final double MARGIN = 40;
  static final int MAX_COLUMNS = 8;

  private final Analysis a;
  private final Map<BusAddress, Double> widths = new HashMap<>();
  private final Map<BusAddress, Double> heights = new HashMap<>();
  private final List<BusNode> buses = new ArrayList<>();
  private final List<FunctionNode> functions = new ArrayList<>();
  private final Map<Bdf, Box> chipBox = new HashMap<>();
  private final Map<Double, List<Box>> chipsInRow = new HashMap<>();
  private final Map<BusAddress, Box> busBox = new HashMap<>();
  private final List<Line> edges = new ArrayList<>();

  private GraphLayout(Analysis a) {
    this.a = a;
  }

  /** Lays out the whole graph of one analysed topology. */
  public static GraphModel compute(Analysis a) {
    return new GraphLayout(a).run();
  }

  private GraphModel run() {
    Topology t = a.topology();
    List<ComplexNode> complexes = new ArrayList<>();
    double x = MARGIN;
    double treeBottom = MARGIN;
    for (int seg : a.pci().segments()) {
      double start = x;
      double y = MARGIN + COMPLEX_H + GAP / 2;
      for (BusAddress root : a.pci().rootBuses(seg)) {
        double w = width(root);
        place(root, x, y, true);
        treeBottom = Math.max(treeBottom, y + height(root));
        x += w + GAP;
      }
      double w = Math.max(CHIP_W, x - GAP - start);
      Box cbox = new Box(start, MARGIN, w, COMPLEX_H);
      complexes.add(new ComplexNode(seg, cbox));
      for (BusNode b : buses) {
        if (b.root() && !b.continued() && b.bus().segment() == seg) {
          edges.add(new Line(b.box().x() + 12, cbox.bottom(), b.box().x() + 12, b.box().y()));
        }
      }
      x += GAP;
    }
    double treeRight = Math.max(x - GAP, MARGIN + CHIP_W);
    List<GroupHull> hulls = hulls();
    List<ScopeOutline> scopes = scopes();
    HolderLayout holders = new HolderLayout(a, chipBox, hulls, treeRight + 2.5 * GAP, MARGIN);
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
        bounds);
  }

  private double slotWidth(PciFunction f) {
    return a.pci().subordinateOf(f.bdf()).map(s -> Math.max(CHIP_W, width(s))).orElse(CHIP_W);
  }

  private double slotHeight(PciFunction f) {
    return CHIP_H + a.pci().subordinateOf(f.bdf()).map(s -> CHIP_TO_BUS + height(s)).orElse(0.0);
  }

  private List<List<PciFunction>> rows(BusAddress bus) {
    List<PciFunction> fns = a.pci().functionsOn(bus);
    List<List<PciFunction>> rows = new ArrayList<>();
    for (int i = 0; i < fns.size(); i += MAX_COLUMNS) {
      rows.add(fns.subList(i, Math.min(fns.size(), i + MAX_COLUMNS)));
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
    for (List<PciFunction> row : rows(bus)) {
      double rw = 0;
      for (PciFunction f : row) {
        rw += slotWidth(f) + GAP;
      }
      w = Math.max(w, rw - GAP);
    }
    widths.put(bus, w);
    return w;
  }

  private double height(BusAddress bus) {
    Double cached = heights.get(bus);
    if (cached != null) {
      return cached;
    }
    double h = 0;
    for (List<PciFunction> row : rows(bus)) {
      double rh = 0;
      for (PciFunction f : row) {
        rh = Math.max(rh, slotHeight(f));
      }
      h += BUS_H + BUS_TO_CHIP + rh + GAP;
    }
    h -= GAP;
    heights.put(bus, h);
    return h;
  }

  private void place(BusAddress bus, double x, double y, boolean root) {
    double w = width(bus);
    double rowY = y;
    boolean first = true;
    Box prevBar = null;
    for (List<PciFunction> row : rows(bus)) {
      Box bar = new Box(x, rowY, w, BUS_H);
      buses.add(new BusNode(bus, bar, root, !first));
      busBox.merge(bus, bar, Box::union);
      if (prevBar != null) {
        edges.add(new Line(x + 4, prevBar.bottom(), x + 4, bar.y()));
      }
      double cx = x;
      double rh = 0;
      double chipY = rowY + BUS_H + BUS_TO_CHIP;
      for (PciFunction f : row) {
        double sw = slotWidth(f);
        Box chip = new Box(cx + (sw - CHIP_W) / 2, chipY, CHIP_W, CHIP_H);
        addChip(f, chip);
        edges.add(new Line(chip.centerX(), bar.bottom(), chip.centerX(), chip.y()));
        Optional<BusAddress> sub = a.pci().subordinateOf(f.bdf());
        if (sub.isPresent()) {
          double subW = width(sub.get());
          double subX = cx + (sw - subW) / 2;
          double subY = chip.bottom() + CHIP_TO_BUS;
          place(sub.get(), subX, subY, false);
          edges.add(new Line(chip.centerX(), chip.bottom(), chip.centerX(), subY));
        }
        rh = Math.max(rh, slotHeight(f));
        cx += sw + GAP;
      }
      prevBar = bar;
      rowY = chipY + rh + GAP;
      first = false;
    }
  }

  private void addChip(PciFunction f, Box box) {
    chipBox.put(f.bdf(), box);
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
            a.device(f.bdf()).isPresent()));
  }

  private List<GroupHull> hulls() {
    Map<Integer, List<Box>> byGroup = new LinkedHashMap<>();
    for (int g : a.pci().populatedGroups()) {
      List<Box> members = new ArrayList<>();
      for (Bdf b : a.pci().groupMembers(g)) {
        Box c = chipBox.get(b);
        if (c != null) {
          members.add(c);
        }
      }
      byGroup.put(g, merge(members));
    }
    List<GroupHull> out = new ArrayList<>();
    byGroup.forEach(
        (g, boxes) -> {
          if (!boxes.isEmpty()) {
            out.add(new GroupHull(g, boxes, a.viable(g), "group " + g));
          }
        });
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

  private List<ScopeOutline> scopes() {
    Map<String, ScopeOutline> out = new LinkedHashMap<>();
    for (FunctionNode f : functions) {
      if (f.bridge()) {
        continue;
      }
      Optional<ResetScope> s = a.scope(f.bdf()).scope();
      if (s.isEmpty()) {
        continue;
      }
      String key = s.get().describe();
      if (out.containsKey(key)) {
        continue;
      }
      Box u = null;
      for (Bdf b : s.get().functions()) {
        Box c = chipBox.get(b);
        if (c != null) {
          u = u == null ? c : u.union(c);
        }
      }
      if (u != null) {
        String label =
            (s.get().kind() == ResetScope.Kind.SLOT ? "slot reset: " : "bus reset: ")
                + key
                + " ("
                + s.get().size()
                + ")";
        Box padded = u.pad(14);
        out.put(
            key,
            new ScopeOutline(label, new Box(padded.x(), padded.y(), padded.w(), padded.h() + 16)));
      }
    }
    return new ArrayList<>(out.values());
  }
}
