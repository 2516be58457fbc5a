package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;

/**
 * Expanding a subtree in a bus drawn in several rows (a big host's overview) opens it below its
 * row: the chip clicked, the chips beside it and every row above stay where they were, and the
 * holders keep their columns. Laid out after the graph shown, as the workbench lays out an expand
 * or a collapse, the holders stay where they stand unless the tree grows past them.
 */
class GraphLayoutExpandTest {

  @Test
  void expandingABridgeInAWrappedRowMovesNothingAboveOrBesideItNorReflowsTheHolders() {
    OverviewAsOpened overview = OverviewAsOpened.of(Analysis.of(BuiltInSamples.largeHost(2000)));
    GraphModel was = overview.layout();
    List<GraphModel.FunctionNode> summaries =
        was.functions().stream().filter(f -> f.summary().isPresent()).toList();
    assertThat(summaries).hasSizeGreaterThan(20);
    List<String> moved = new ArrayList<>();
    List<String> reflowed = new ArrayList<>();
    int wider = 0;
    for (GraphModel.FunctionNode bridge : summaries) {
      GraphModel now = overview.expanding(bridge.bdf());
      Map<Bdf, Box> at = new HashMap<>();
      now.functions().forEach(f -> at.put(f.bdf(), f.box()));
      for (GraphModel.FunctionNode f : was.functions()) {
        boolean aboveOrBeside = f.box().y() <= bridge.box().y();
        if (aboveOrBeside && !f.box().equals(at.get(f.bdf()))) {
          moved.add(f.bdf() + " when " + bridge.bdf() + " opened");
        }
      }
      // The holders keep their columns: at most shifted right together when the tree widens.
      Map<String, Box> holders = new HashMap<>();
      now.holders().forEach(h -> holders.put(h.name(), h.box()));
      Set<Double> shifts = new HashSet<>();
      for (GraphModel.HolderNode h : was.holders()) {
        Box b = holders.get(h.name());
        if (b.y() != h.box().y() || b.h() != h.box().h()) {
          reflowed.add(h.name() + " when " + bridge.bdf() + " opened");
        }
        shifts.add(b.x() - h.box().x());
      }
      if (shifts.size() > 1) {
        reflowed.add("holders shifted apart when " + bridge.bdf() + " opened: " + shifts);
      }
      assertThat(now.functions().size())
          .as("the chips below %s are shown", bridge.bdf())
          .isGreaterThan(was.functions().size() - 1);
      wider += now.bounds().w() > was.bounds().w() ? 1 : 0;
    }
    assertThat(moved).isEmpty();
    assertThat(reflowed).isEmpty();
    // Most subtrees of this host are narrower than a row's room from their chip.
    assertThat(wider).as("expands that widen the graph").isLessThan(summaries.size());
  }

  @Test
  void expandsAndCollapsesMadeInTurnLeaveTheHoldersWhereTheyStandUnlessTheTreeGrowsPastThem() {
    OverviewAsOpened overview = OverviewAsOpened.of(Analysis.of(BuiltInSamples.largeHost(2000)));
    GraphModel opened = overview.layout();
    List<Bdf> bridges = opened.collapsedBridges();
    GraphModel shown = opened;
    List<String> moved = new ArrayList<>();
    int pushed = 0;
    for (Bdf bridge : bridges) {
      GraphModel open = overview.expanding(bridge, shown.holdersX());
      double treeRight =
          open.buses().stream().mapToDouble(b -> b.box().right()).max().orElseThrow();
      if (open.holdersX() == shown.holdersX()) {
        if (!boxes(open).equals(boxes(shown))) {
          moved.add("holders moved when " + bridge + " opened");
        }
      } else {
        pushed++;
        assertThat(open.holdersX())
            .as("only a tree grown past them pushes the holders, and only right")
            .isGreaterThan(shown.holdersX())
            .isEqualTo(treeRight + GraphLayout.GAP);
      }
      GraphModel closed = overview.layout(open.holdersX());
      if (!boxes(closed).equals(boxes(open))) {
        moved.add("holders moved when " + bridge + " closed");
      }
      assertThat(closed.functions()).as("the tree as it opened").isEqualTo(opened.functions());
      shown = closed;
    }
    assertThat(moved).isEmpty();
    // Laid out alone, about half of these expands widen the graph and move every holder.
    assertThat(pushed).as("expands that pushed the holders").isBetween(1, bridges.size() / 8);
  }

  /** The holders' boxes by name (a compact holder's summary names the chips shown). */
  private static Map<String, Box> boxes(GraphModel m) {
    Map<String, Box> out = new HashMap<>();
    m.holders().forEach(h -> out.put(h.name(), h.box()));
    return out;
  }
}
