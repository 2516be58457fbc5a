package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.skin.BundleSkin;
import org.vfioworkbench.ui.graph.skin.BundleSkinTest;
import org.vfioworkbench.ui.graph.skin.SkinMoves;
import org.vfioworkbench.ui.kernel.DropTarget;
import org.vfioworkbench.ui.state.WorkbenchState;

/**
 * The graph re-skins only what an update changed: one skin per element, kept across edits, so the
 * skins made for an ownership edit do not grow with the host.
 */
@ExtendWith(ApplicationExtension.class)
class TopologyGraphViewSkinReuseTest extends FxTestBase {

  private WorkbenchState state;
  private TopologyGraphView graph;

  @Start
  void start(Stage stage) {
    GraphWindow w = GraphWindow.show(stage);
    state = w.state();
    graph = w.graph();
  }

  /**
   * A skin's name is not its CSS id: JavaFX keys its style cache by id, so a unique id per chip, fd
   * or lane made every new one match the style sheets from scratch. The seed's graph at full detail
   * has every kind of skin (chips with expanders, holders, lanes, fd chips).
   */
  @Test
  void noSkinCarriesAUniqueCssIdButEachIsFoundByItsName(FxRobot robot) {
    robot.interact(() -> state.open("seed", BuiltInSamples.seedCase(), null));
    WaitForAsyncUtils.waitForFxEvents();
    java.util.List<String> ids = new java.util.ArrayList<>();
    java.util.List<String> names = new java.util.ArrayList<>();
    robot.interact(() -> walk(graph.content(), ids, names));
    assertThat(ids).containsOnly("graph-content", "unowned-area");
    assertThat(names)
        .contains(
            "fn-0000:02:00.0",
            "expander-0000:00:1c.0",
            "cdev-lane-qemu-vm1",
            "group-lane-qemu-vm1",
            "fd-qemu-vm1-3");
  }

  private static void walk(Node n, java.util.List<String> ids, java.util.List<String> names) {
    if (n.getId() != null) {
      ids.add(n.getId());
    }
    if (org.vfioworkbench.ui.graph.skin.SkinName.of(n) != null) {
      names.add(org.vfioworkbench.ui.graph.skin.SkinName.of(n));
    }
    if (n instanceof javafx.scene.Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> walk(c, ids, names));
    }
  }

  @Test
  void anOwnershipEditKeepsTheSkinsOfUntouchedFunctions(FxRobot robot) {
    robot.interact(() -> state.open("seed", BuiltInSamples.seedCase(), null));
    Bdf fn1 = Bdf.parse("0000:02:00.1");
    Map<Bdf, Node> before = chipsShown();
    GraphModel was = graph.viewModel().modelProperty().get();
    robot.interact(() -> unown(fn1));
    assertThat(graph.viewModel().modelProperty().get()).as("the edit re-laid out").isNotSameAs(was);
    Map<Bdf, Node> after = chipsShown();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    int kept = 0;
    for (Bdf b : before.keySet()) {
      GraphModel.FunctionNode a = was.function(b).orElseThrow();
      GraphModel.FunctionNode n = graph.viewModel().modelProperty().get().function(b).orElseThrow();
      if (a.equals(n)) {
        assertThat(after.get(b)).as("untouched chip of " + b).isSameAs(before.get(b));
        kept++;
      }
    }
    assertThat(kept).as("functions the edit did not touch").isGreaterThanOrEqualTo(2);
    assertThat(was.function(fn1).orElseThrow().open()).isTrue();
    assertThat(graph.viewModel().modelProperty().get().function(fn1).orElseThrow().open())
        .isFalse();
    assertThat(after.get(fn1)).as("the closed function is re-skinned").isNotSameAs(before.get(fn1));
  }

  @Test
  void theSkinsMadeForAnEditDoNotGrowWithTheHost(FxRobot robot) {
    int[] small = skinsForOneEdit(robot, BuiltInSamples.largeHost(300));
    int[] big = skinsForOneEdit(robot, BuiltInSamples.largeHost(3000));
    GraphModel m = graph.viewModel().modelProperty().get();
    int drawn =
        m.functions().size()
            + m.buses().size()
            + m.treeEdges().size()
            + m.hulls().size()
            + m.scopes().size()
            + m.holders().size()
            + m.fdEdges().size();
    assertThat(small[0]).isPositive();
    assertThat(big[1])
        .as("function chips re-skinned for one edit on 3,000 functions against 300")
        .isLessThanOrEqualTo(small[1] * 2 + 4);
    assertThat(big[0] * 5)
        .as("a whole rebuild would make a skin for each of the %d elements drawn", drawn)
        .isLessThan(drawn);
  }

  /**
   * Opens {@code host}, closes the first open vfio function drawn; returns the skins made, all and
   * function chips.
   */
  @Test
  void expandingASubtreeMovesTheHoldersInsteadOfMakingThemAnewAndTheirLanesStillTakeDrops(
      FxRobot robot) {
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    // Selecting an open vfio device opens its holders' lanes.
    Bdf open =
        state.results().analysis().devices().values().stream()
            .filter(d -> d.isOpen())
            .map(d -> d.bdf())
            .findFirst()
            .orElseThrow();
    robot.interact(() -> state.select(new org.vfioworkbench.ui.state.ElementRef.FunctionRef(open)));
    WaitForAsyncUtils.waitForFxEvents();
    TopologyGraphViewModel vm = graph.viewModel();
    GraphModel was = vm.modelProperty().get();
    Bdf bridge = was.collapsedBridges().get(0);
    int holdersBefore = graph.holderSkinsCreated();
    javafx.scene.Node nobody = robot.lookup("#unowned-area").query();
    robot.interact(() -> vm.setCollapsed(bridge, false));
    WaitForAsyncUtils.waitForFxEvents();
    GraphModel now = vm.modelProperty().get();
    assertThat(now).isNotSameAs(was);
    // The Nobody drop target is moved, not made again (with its tooltip, a window of its own).
    assertThat(now.unowned()).isNotEqualTo(was.unowned());
    assertThat((Object) robot.lookup("#unowned-area").query()).isSameAs(nobody);
    javafx.geometry.Bounds at = nobody.getBoundsInLocal();
    assertThat(new Box(at.getMinX(), at.getMinY(), at.getWidth(), at.getHeight()))
        .isEqualTo(now.unowned());
    // Holders whose box moved (same size, same lanes) keep their skins.
    long movedOnly =
        now.holders().stream()
            .filter(
                h ->
                    was.holders().stream()
                        .anyMatch(
                            o ->
                                o.name().equals(h.name())
                                    && !o.equals(h)
                                    && SkinMoves.holder(o, h).isPresent()))
            .count();
    assertThat(movedOnly).as("holders the expand only moved").isPositive();
    long changed =
        now.holders().stream()
            .filter(
                h ->
                    was.holders().stream()
                        .noneMatch(
                            o -> o.name().equals(h.name()) && SkinMoves.holder(o, h).isPresent()))
            .count();
    assertThat(graph.holderSkinsCreated() - holdersBefore)
        .as("holder skins made: only for holders that changed")
        .isEqualTo((int) changed);
    // A lane of a translated holder is found where the new model draws it.
    GraphModel.HolderNode moved =
        now.holders().stream()
            .filter(
                h ->
                    was.holders().stream()
                        .anyMatch(
                            o ->
                                o.name().equals(h.name())
                                    && !o.box().equals(h.box())
                                    && SkinMoves.holder(o, h).isPresent()))
            .filter(h -> !h.compact() && h.cdevLane() != null)
            .findFirst()
            .orElseThrow();
    Box lane = moved.cdevLane().box();
    DropTarget[] hit = new DropTarget[1];
    robot.interact(
        () -> {
          javafx.geometry.Point2D scene =
              graph.contentToScene(lane.x() + lane.w() / 2, lane.y() + lane.h() / 2);
          hit[0] = graph.targetAt(scene.getX(), scene.getY());
        });
    assertThat(hit[0]).isEqualTo(moved.cdevLane().target());
  }

  @Test
  void expandingASubtreeReroutesTheEdgesAndTreeLinesItMovesInPlace(FxRobot robot) {
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    Bdf open =
        state.results().analysis().devices().values().stream()
            .filter(d -> d.isOpen())
            .map(d -> d.bdf())
            .findFirst()
            .orElseThrow();
    robot.interact(() -> state.select(new org.vfioworkbench.ui.state.ElementRef.FunctionRef(open)));
    WaitForAsyncUtils.waitForFxEvents();
    TopologyGraphViewModel vm = graph.viewModel();
    GraphModel was = vm.modelProperty().get();
    // The first collapsed subtree in the tree: most of what is drawn after it moves.
    Bdf bridge = was.collapsedBridges().get(0);
    int edgesBefore = graph.edgeSkinsCreated();
    int bundlesBefore = graph.bundleSkinsCreated();
    int linesBefore = graph.treeSkinsCreated();
    int reshapedBefore = graph.skinsReshaped();
    robot.interact(() -> vm.setCollapsed(bridge, false));
    WaitForAsyncUtils.waitForFxEvents();
    GraphModel now = vm.modelProperty().get();
    assertThat(now).isNotSameAs(was);

    Map<org.vfioworkbench.model.FdRef, GraphModel.FdEdge> oldEdges = new java.util.HashMap<>();
    was.fdEdges().forEach(e -> oldEdges.put(e.fd(), e));
    java.util.Set<String> compact = new java.util.HashSet<>();
    now.holders().stream()
        .filter(GraphModel.HolderNode::compact)
        .forEach(h -> compact.add(h.name()));
    long rerouted = 0;
    long reroutedInBundles = 0;
    long newEnds = 0;
    for (GraphModel.FdEdge e : now.fdEdges()) {
      GraphModel.FdEdge o = oldEdges.get(e.fd());
      boolean bundled = compact.contains(e.fd().holder());
      if (o == null || !o.function().equals(e.function()) || !o.group().equals(e.group())) {
        if (!bundled) {
          newEnds++; // a new edge, or one that now ends elsewhere: a new skin
        }
      } else if (!o.points().equals(e.points()) && SkinMoves.edge(o, e).isEmpty()) {
        rerouted++;
        if (bundled) {
          reroutedInBundles++;
          BundleSkin b = graph.bundleSkin(e.fd().holder()).orElseThrow();
          assertThat(BundleSkinTest.uncoveredLegs(b, e))
              .as("legs of the re-routed edge of %s its bundle does not draw", e.fd())
              .isEmpty();
        } else {
          assertThat(graph.edgeSkin(e.fd()).orElseThrow().points())
              .as("the re-routed edge of %s is drawn along its new route", e.fd())
              .containsExactlyElementsOf(
                  e.points().stream()
                      .flatMap(p -> java.util.stream.Stream.of(p.x(), p.y()))
                      .toList());
        }
      }
    }
    assertThat(rerouted).as("edges the expand re-routed").isPositive();
    assertThat(reroutedInBundles).as("bundled edges the expand re-routed").isPositive();
    assertThat(graph.edgeSkinsCreated() - edgesBefore)
        .as("edge skins made: only for new edges and edges to another end")
        .isEqualTo((int) newEnds);
    assertThat(graph.bundleSkinsCreated() - bundlesBefore)
        .as("bundle skins made: every compact holder's bundle is reshaped in place")
        .isZero();

    java.util.Set<List<Object>> oldLines = new java.util.HashSet<>();
    was.treeEdges().forEach(l -> oldLines.add(l.ends()));
    long newLines = 0;
    long movedLines = 0;
    for (GraphModel.Line l : now.treeEdges()) {
      if (!oldLines.contains(l.ends())) {
        newLines++;
      } else if (!was.treeEdges().contains(l)) {
        movedLines++;
        javafx.scene.shape.Line drawn = graph.treeLine(l.ends()).orElseThrow();
        assertThat(List.of(drawn.getStartX(), drawn.getStartY(), drawn.getEndX(), drawn.getEndY()))
            .isEqualTo(List.of(l.x1(), l.y1(), l.x2(), l.y2()));
      }
    }
    assertThat(movedLines).as("tree lines the expand moved").isPositive();
    assertThat(graph.treeSkinsCreated() - linesBefore)
        .as("tree-line skins made: only for lines joining what was not drawn before")
        .isEqualTo((int) newLines);
    assertThat(graph.skinsReshaped() - reshapedBefore).isGreaterThanOrEqualTo((int) movedLines);
  }

  private int[] skinsForOneEdit(FxRobot robot, Topology host) {
    robot.interact(() -> state.open("generated", host, null));
    WaitForAsyncUtils.waitForFxEvents();
    // Zoomed in to full detail: framing the selection after the edit keeps the chips' level of
    // detail (a zoom that changes it re-skins every chip; that is the zoom's cost, not the edit's).
    while (graph.zoom() < 1.0) {
      robot.interact(graph::zoomIn);
    }
    WaitForAsyncUtils.waitForFxEvents();
    Analysis a = state.results().analysis();
    Bdf victim =
        graph.viewModel().modelProperty().get().functions().stream()
            .filter(f -> f.vfio() && f.open())
            .map(GraphModel.FunctionNode::bdf)
            .filter(b -> a.device(b).isPresent())
            .findFirst()
            .orElseThrow();
    int made = graph.skinsCreated();
    int chipsMade = graph.chipSkinsCreated();

    GraphModel was = graph.viewModel().modelProperty().get();
    robot.interact(() -> unown(victim));
    assertThat(graph.viewModel().modelProperty().get()).isNotSameAs(was);
    return new int[] {graph.skinsCreated() - made, graph.chipSkinsCreated() - chipsMade};
  }

  private void unown(Bdf bdf) {
    graph.viewModel().startDrag(bdf);
    assertThat(graph.viewModel().drop(new DropTarget.Unowned())).as("closing " + bdf).isTrue();
  }

  private Map<Bdf, Node> chipsShown() {
    Map<Bdf, Node> m = new java.util.HashMap<>();
    for (GraphModel.FunctionNode f : graph.viewModel().modelProperty().get().functions()) {
      m.put(f.bdf(), graph.chipNode(f.bdf()).orElseThrow());
    }
    return m;
  }
}
