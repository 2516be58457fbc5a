package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.HwlocTrees;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.files.BundledSamples;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.graph.GraphModel.BusNode;
import org.vfioworkbench.ui.graph.GraphModel.FdChip;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.HolderNode;
import org.vfioworkbench.ui.graph.GraphModel.Point;

/**
 * Nothing in the laid-out graph is drawn on top of anything else: chips, bus bars, the root
 * complex, hull and reset-scope captions, holders and the "Nobody" box are pairwise apart, and
 * every fd edge runs orthogonally from its fd chip to its function without passing through any of
 * them. Over every bundled sample, the built-in ones and a generated host.
 */
class GraphLayoutOverlapTest {

  /** Marks the generated host laid out as it opens: collapsed to what holders have open. */
  static final Topology COLLAPSED = BuiltInSamples.largeHost(2000);

  /** Marks the generated host as it opens in the workbench: the overview, every holder compact. */
  static final Topology OVERVIEW = BuiltInSamples.largeHost(2000);

  /**
   * Marks the generated host's overview with a function deep in the tree selected: the bridges
   * above it expanded and the root-bus function it is below brought back (the README's focused
   * screenshot).
   */
  static final Topology FOCUSED = BuiltInSamples.largeHost(2000);

  /**
   * Marks the generated host's overview with every collapsed bridge of its first row expanded:
   * subtrees of several widths on shelves below one wrapped row.
   */
  static final Topology ROW_OPEN = BuiltInSamples.largeHost(2000);

  /**
   * Marks the generated host's overview with one subtree open alone whose bus starts left of its
   * bridge: too wide to start at its bridge, it ends with the bus's widest row.
   */
  static final Topology WIDE_OPEN = BuiltInSamples.largeHost(2000);

  /**
   * Marks the generated host's overview laid out after the subtree that widens it most was opened
   * and closed again: the holders stand where that subtree pushed them, and the edges cross the
   * room it left.
   */
  static final Topology HOLDERS_KEPT = BuiltInSamples.largeHost(2000);

  /**
   * Marks the generated host's overview with every open vfio device selected in turn, as a click
   * does: the bridges above it expanded, its holders drawn with their lanes, the other holders
   * compact where they stood.
   */
  static final Topology LANES_OPEN = BuiltInSamples.largeHost(2000);

  /** The function {@link #FOCUSED} reveals: four buses down, beside a function of another group. */
  static final Bdf DEEP = Bdf.parse("0000:03:00.1");

  static GraphModel layout(Topology t) {
    return layouts(t).get(0).model();
  }

  /** A layout, and what it shows beyond its topology's name ("" for the only one). */
  record Laid(String what, GraphModel model) {}

  /** The layouts a marker stands for: one, but for {@link #LANES_OPEN} one per open device. */
  static List<Laid> layouts(Topology t) {
    if (t != LANES_OPEN) {
      return List.of(new Laid("", single(t)));
    }
    Analysis a = Analysis.of(t);
    OverviewAsOpened overview = OverviewAsOpened.of(a);
    double holdersX = overview.layout().holdersX();
    List<Laid> out = new ArrayList<>();
    a.devices().values().stream()
        .filter(d -> d.isOpen())
        .map(d -> d.bdf())
        .sorted()
        .forEach(
            open -> {
              java.util.Set<String> lanes = Focus.of(a, open).holders();
              assertThat(lanes).as("the holders of open device %s", open).isNotEmpty();
              out.add(
                  new Laid(
                      ", " + open + " selected",
                      overview.revealing(open, h -> !lanes.contains(h), holdersX)));
            });
    return out;
  }

  private static GraphModel single(Topology t) {
    Analysis a = Analysis.of(t);
    if (t == OVERVIEW) {
      return OverviewAsOpened.of(a).layout();
    }
    if (t == FOCUSED) {
      return OverviewAsOpened.of(a).revealing(DEEP, h -> true, 0);
    }
    if (t == WIDE_OPEN) {
      OverviewAsOpened overview = OverviewAsOpened.of(a);
      for (GraphModel.FunctionNode f : overview.layout().functions()) {
        if (f.summary().isEmpty()) {
          continue;
        }
        GraphModel m = overview.expanding(f.bdf());
        var sub = a.pci().subordinateOf(f.bdf()).orElseThrow();
        boolean shifted =
            m.buses().stream().anyMatch(b -> b.bus().equals(sub) && b.box().x() < f.box().x());
        if (shifted) {
          return m;
        }
      }
      throw new AssertionError("no subtree of the overview opens left of its bridge");
    }
    if (t == HOLDERS_KEPT) {
      OverviewAsOpened overview = OverviewAsOpened.of(a);
      GraphModel opened = overview.layout();
      double widest =
          opened.collapsedBridges().stream()
              .mapToDouble(b -> overview.expanding(b, opened.holdersX()).holdersX())
              .max()
              .orElseThrow();
      if (widest <= opened.holdersX()) {
        throw new AssertionError("no subtree of the overview pushes the holders right");
      }
      return overview.layout(widest);
    }
    if (t == ROW_OPEN) {
      java.util.Set<Bdf> collapsed = new java.util.HashSet<>(GraphLayout.defaultCollapsed(a));
      java.util.Set<Bdf> folded = GraphLayout.defaultFolded(a);
      GraphModel overview = GraphLayout.compute(a, collapsed, folded, h -> true);
      double firstRow =
          overview.functions().stream().mapToDouble(f -> f.box().y()).min().orElseThrow();
      overview.functions().stream()
          .filter(f -> f.box().y() == firstRow && f.summary().isPresent())
          .forEach(f -> collapsed.remove(f.bdf()));
      return GraphLayout.compute(a, collapsed, folded, h -> true);
    }
    if (t == UNHELD) {
      return GraphLayout.compute(
          a, GraphLayout.defaultCollapsed(a), GraphLayout.defaultFolded(a), h -> true);
    }
    if (t == SERVER_AS_OPENED) {
      return GraphLayout.compute(a, Set.of(), GraphLayout.defaultFolded(a), h -> false);
    }
    return t == COLLAPSED
        ? GraphLayout.compute(a, GraphLayout.defaultCollapsed(a))
        : GraphLayout.compute(a);
  }

  /** A box with what it is, for messages. */
  record Named(String what, Box box) {}

  static Stream<Arguments> topologies() throws ScenarioException {
    List<Arguments> out = new ArrayList<>();
    for (Sample s : BundledSamples.list()) {
      out.add(Arguments.of(s.name(), s.source().read().topology()));
    }
    for (Sample s : BuiltInSamples.all()) {
      out.add(Arguments.of(s.name(), s.source().read().topology()));
    }
    out.add(Arguments.of("generated 2,000 functions, opened collapsed", COLLAPSED));
    out.add(Arguments.of("generated 2,000 functions, the overview it opens as", OVERVIEW));
    out.add(Arguments.of("generated 2,000 functions, the overview focused on " + DEEP, FOCUSED));
    out.add(Arguments.of("generated 2,000 functions, the overview's first row open", ROW_OPEN));
    out.add(
        Arguments.of(
            "generated 2,000 functions, the overview with a wide subtree open alone", WIDE_OPEN));
    out.add(
        Arguments.of(
            "generated 2,000 functions, the overview after its widest subtree was opened and closed",
            HOLDERS_KEPT));
    out.add(
        Arguments.of(
            "generated 2,000 functions, the overview with each open device selected in turn",
            LANES_OPEN));
    out.add(
        Arguments.of("a server's scan, everything drawn", GraphLayoutPlatformFoldTest.server()));
    out.add(Arguments.of("a server's scan as it opens", SERVER_AS_OPENED));
    out.add(
        Arguments.of("generated 2,000 functions, nobody holding anything, as it opens", UNHELD));
    return out.stream();
  }

  /** Marks the small server of {@link GraphLayoutPlatformFoldTest} as it opens: folded. */
  static final Topology SERVER_AS_OPENED = GraphLayoutPlatformFoldTest.server();

  /**
   * Marks the generated host with nobody holding anything, as it opens: an overview kept around
   * what is bound to vfio-pci.
   */
  static final Topology UNHELD =
      BuiltInSamples.largeHost(2000)
          .withHolders(List.of())
          .withContainers(List.of())
          .withIommufds(List.of());

  /**
   * Real machines' scans (the hwloc project's sysfs trees, when present; see {@link HwlocTrees}),
   * everything drawn and as they open.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.vfioworkbench.host.HwlocTrees#names")
  void realHostsOverlapNothing(String tree) throws Exception {
    Topology t = new HostScanner(new LiveFs(HwlocTrees.extracted(tree))).scan().topology();
    Analysis a = Analysis.of(t);
    nothingOverlaps(tree + ", everything drawn", t, GraphLayout.compute(a));
    GraphModel opened =
        GraphLayout.compute(
            a,
            GraphLayout.defaultCollapsed(a),
            GraphLayout.defaultFolded(a),
            h -> GraphLayout.opensAsOverview(a));
    nothingOverlaps(tree + ", as it opens", t, opened);
    edgesRunFromTheirFdChipToTheirFunctionThroughFreeSpace(tree + ", as it opens", t, opened);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void nothingOverlaps(String name, Topology t) {
    for (Laid l : layouts(t)) {
      nothingOverlaps(name + l.what(), t, l.model());
    }
  }

  private static void nothingOverlaps(String name, Topology t, GraphModel m) {
    List<Named> solid = solid(m);
    assertThat(overlaps(solid)).as(name + ": overlapping elements").isEmpty();
    List<Named> fds = new ArrayList<>();
    for (HolderNode h : m.holders()) {
      for (FdChip c : chips(h)) {
        fds.add(new Named("fd chip " + c.fd(), c.box()));
      }
    }
    assertThat(overlaps(fds)).as(name + ": overlapping fd chips").isEmpty();
    for (BusNode b : m.buses()) {
      assertThat(TextMetrics.width(b.fittedCaption()))
          .as(name + ": the caption '" + b.fittedCaption() + "' inside its bar")
          .isLessThanOrEqualTo(b.box().w() - BusNode.CAPTION_PAD);
    }
    for (Named s : solid) {
      assertThat(m.bounds().x() <= s.box().x() && s.box().right() <= m.bounds().right())
          .as(name + ": " + s.what() + " inside the bounds")
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void edgesRunFromTheirFdChipToTheirFunctionThroughFreeSpace(String name, Topology t) {
    for (Laid l : layouts(t)) {
      edgesRunFromTheirFdChipToTheirFunctionThroughFreeSpace(name + l.what(), t, l.model());
    }
  }

  private static void edgesRunFromTheirFdChipToTheirFunctionThroughFreeSpace(
      String name, Topology t, GraphModel m) {
    List<Named> solid = solid(m);
    for (FdEdge e : m.fdEdges()) {
      HolderNode owner =
          m.holders().stream().filter(h -> h.name().equals(e.fd().holder())).findFirst().get();
      // A compact holder's bundled edges start on the holder's one line; others on the fd chip.
      Box from =
          owner.compact()
              ? new Box(
                  owner.box().x(),
                  owner.box().y(),
                  owner.box().w(),
                  HolderLayout.TITLE_H + HolderLayout.SUMMARY_H)
              : chips(owner).stream()
                  .filter(c -> c.fd().equals(e.fd()))
                  .findFirst()
                  .orElseThrow()
                  .box();
      Box to = m.function(e.function().orElseThrow()).orElseThrow().box();
      if (t == COLLAPSED
          || t == OVERVIEW
          || t == FOCUSED
          || t == ROW_OPEN
          || t == WIDE_OPEN
          || t == HOLDERS_KEPT
          || t == LANES_OPEN) {
        assertThat(m.functions().size()).isLessThan(t.functions().size());
      }
      assertThat(e.start().y()).as(e.fd() + " starts on its fd chip").isEqualTo(from.bottom());
      assertThat(e.start().x()).isBetween(from.x(), from.right());
      assertThat(e.end().x()).as(e.fd() + " ends on its function").isBetween(to.x(), to.right());
      assertThat(e.end().y()).isBetween(to.y() - 8, to.y());
      List<Named> obstacles = new ArrayList<>();
      for (Named s : solid) {
        boolean own = s.box().equals(owner.box());
        if (!own) {
          obstacles.add(s);
        }
      }
      for (HolderNode h : m.holders()) {
        for (FdChip c : chips(h)) {
          if (!c.fd().equals(e.fd())) {
            obstacles.add(new Named("fd chip " + c.fd(), c.box()));
          }
        }
      }
      for (int i = 1; i < e.points().size(); i++) {
        Point p = e.points().get(i - 1);
        Point q = e.points().get(i);
        assertThat(p.x() == q.x() || p.y() == q.y())
            .as(name + ": " + e.fd() + " segment " + i + " is orthogonal")
            .isTrue();
        assertThat(crossed(p.x(), p.y(), q.x(), q.y(), obstacles))
            .as(name + ": edge of " + e.fd() + " segment " + p + "-" + q + " crosses")
            .isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void treeLinesPassThroughNoChipBarOrCaption(String name, Topology t) {
    for (Laid l : layouts(t)) {
      treeLinesPassThroughNoChipBarOrCaption(name + l.what(), t, l.model());
    }
  }

  private static void treeLinesPassThroughNoChipBarOrCaption(
      String name, Topology t, GraphModel m) {
    if (t == FOCUSED) {
      assertThat(m.function(DEEP)).as(DEEP + " shown").isPresent();
    }
    List<Named> solid = solid(m);
    for (GraphModel.Line l : m.treeEdges()) {
      assertThat(crossed(l.x1(), l.y1(), l.x2(), l.y2(), solid))
          .as(name + ": tree line " + l.ends() + " crosses")
          .isEmpty();
    }
  }

  /** What the straight segment from (x1, y1) to (x2, y2) passes through, of {@code boxes}. */
  static List<String> crossed(double x1, double y1, double x2, double y2, List<Named> boxes) {
    Box seg = new Box(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x1 - x2), Math.abs(y1 - y2));
    List<String> out = new ArrayList<>();
    for (Named o : boxes) {
      if (crosses(seg, o.box())) {
        out.add(o.what());
      }
    }
    return out;
  }

  @org.junit.jupiter.api.Test
  void theOverviewBundlesEachCompactHoldersFilesIntoOneEdgePerChipAndNamesTheCount() {
    GraphModel m = layout(OVERVIEW);
    Analysis a = Analysis.of(OVERVIEW);
    assertThat(m.holders()).allMatch(HolderNode::compact);
    for (HolderNode h : m.holders()) {
      List<Bdf> targets =
          m.fdEdges().stream()
              .filter(e -> e.fd().holder().equals(h.name()))
              .map(e -> e.function().orElseThrow())
              .toList();
      assertThat(targets).as(h.name() + ": one edge per chip").doesNotHaveDuplicates();
      int files = a.topology().holder(h.name()).orElseThrow().files().size();
      assertThat(h.summary().orElseThrow()).startsWith(files + (files == 1 ? " fd" : " fds"));
    }
    // Some holder reaches one chip with several files: its line says how many.
    assertThat(m.holders()).anyMatch(h -> h.summary().orElseThrow().contains("\u00d7"));
  }

  @org.junit.jupiter.api.Test
  void theOverviewLeavesOutQuietRootBusFunctionsAndNamesEveryBlockedScopeOnASummaryChip() {
    Analysis a = Analysis.of(OVERVIEW);
    GraphModel m = layout(OVERVIEW);
    int folded =
        m.buses().stream().mapToInt(org.vfioworkbench.ui.graph.GraphModel.BusNode::folded).sum();
    assertThat(folded).isEqualTo(GraphLayout.defaultFolded(a).size()).isPositive();
    // Every open device whose natural hot reset fails is named, by its scope, on the chip that
    // shows it: its own (with its scope's outline) or its collapsed subtree's.
    java.util.Set<String> named = new java.util.HashSet<>();
    m.functions().stream()
        .flatMap(f -> f.summary().stream())
        .forEach(x -> named.addAll(x.blockedScopes()));
    for (var d : a.devices().values()) {
      var fd = d.cdevFd().isPresent() ? d.cdevFd() : d.groupFds().stream().findFirst();
      if (fd.isEmpty() || a.hotReset(fd.get(), a.naturalReset(fd.get()).request()).ret() == 0) {
        continue;
      }
      String scope =
          a.scope(d.bdf())
              .scope()
              .map(GraphLayout::scopeName)
              .orElse("no reset for " + org.vfioworkbench.ui.common.Labels.shortBdf(d.bdf()));
      boolean outlined =
          m.scopes().stream().anyMatch(s -> s.blocked() && s.functions().contains(d.bdf()));
      assertThat(outlined || named.contains(scope)).as(d.bdf() + " blocked in " + scope).isTrue();
    }
  }

  @org.junit.jupiter.api.Test
  void aSegmentThroughABoxCrossesItAndOneEndingOnItsEdgeDoesNot() {
    Box chip = new Box(100, 100, 50, 20);
    assertThat(crosses(new Box(90, 110, 100, 0), chip)).isTrue();
    assertThat(crosses(new Box(120, 50, 0, 100), chip)).isTrue();
    assertThat(crosses(new Box(120, 50, 0, 50), chip)).isFalse();
    assertThat(crosses(new Box(90, 95, 100, 0), chip)).isFalse();
  }

  /** Whether a horizontal or vertical segment passes through a box's inside. */
  static boolean crosses(Box seg, Box b) {
    return seg.x() < b.right()
        && b.x() < seg.right() + (seg.w() == 0 ? 1e-9 : 0)
        && seg.y() < b.bottom()
        && b.y() < seg.bottom() + (seg.h() == 0 ? 1e-9 : 0)
        && (seg.w() == 0 ? seg.x() > b.x() && seg.x() < b.right() : true)
        && (seg.h() == 0 ? seg.y() > b.y() && seg.y() < b.bottom() : true);
  }

  static List<FdChip> chips(HolderNode h) {
    List<FdChip> out = new ArrayList<>(h.groupLane().chips());
    out.addAll(h.cdevLane().chips());
    return out;
  }

  /** Everything that must not overlap anything else. */
  static List<Named> solid(GraphModel m) {
    List<Named> out = new ArrayList<>();
    m.functions().forEach(f -> out.add(new Named("chip " + f.bdf(), f.box())));
    m.buses().forEach(b -> out.add(new Named("bus bar " + b.bus(), b.box())));
    m.complexes().forEach(c -> out.add(new Named("root complex " + c.segment(), c.box())));
    m.hulls().stream()
        .filter(h -> !h.label().isEmpty())
        .forEach(h -> out.add(new Named("caption of group " + h.group(), h.labelBox())));
    m.scopes().stream()
        .filter(s -> !s.label().isEmpty())
        .forEach(s -> out.add(new Named("caption '" + s.label() + "'", s.labelBox())));
    m.holders().forEach(h -> out.add(new Named("holder " + h.name(), h.box())));
    out.add(new Named("the Nobody box", m.unowned()));
    return out;
  }

  /** Every overlapping pair, by a sweep along x. */
  static List<String> overlaps(List<Named> boxes) {
    List<Named> sorted = new ArrayList<>(boxes);
    sorted.sort(Comparator.comparingDouble(n -> n.box().x()));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Named a = sorted.get(i);
      for (int j = i + 1; j < sorted.size() && sorted.get(j).box().x() < a.box().right(); j++) {
        Named b = sorted.get(j);
        if (a.box().intersects(b.box())) {
          out.add(a.what() + " " + a.box() + " overlaps " + b.what() + " " + b.box());
        }
      }
    }
    return out;
  }
}
