package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
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
import org.vfioworkbench.ui.MouseEvents;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.skin.SkinName;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/** The graph view on its own: legend, re-fit, collapse and expand, focus from the selection. */
@ExtendWith(ApplicationExtension.class)
class TopologyGraphViewTest extends FxTestBase {

  private static final Bdf FN0 = Bdf.parse("0000:02:00.0");
  private static final Bdf FN1 = Bdf.parse("0000:02:00.1");
  private static final Bdf ROOT_PORT = Bdf.parse("0000:00:1c.0");

  private WorkbenchState state;
  private TopologyGraphView graph;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("seed", BuiltInSamples.seedCase(), null);
    graph = new TopologyGraphView(new TopologyGraphViewModel(state));
    stage.setScene(new Scene(graph, 1200, 800));
    stage.show();
  }

  @Test
  void theContentIsMarkedColoursOnlyExactlyWhileTheZoomIsBelowWhereTextShows(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.Group content = graph.content();
    assertThat(graph.zoom()).isGreaterThan(TopologyGraphView.TEXT_FROM);
    assertThat(content.getPseudoClassStates()).doesNotContain(TopologyGraphView.COLOURS_ONLY);

    robot.interact(
        () -> {
          while (graph.zoom() >= TopologyGraphView.TEXT_FROM) {
            graph.zoomOut();
          }
        });
    assertThat(content.getPseudoClassStates()).contains(TopologyGraphView.COLOURS_ONLY);

    robot.interact(graph::zoomIn);
    assertThat(graph.zoom()).isGreaterThanOrEqualTo(TopologyGraphView.TEXT_FROM);
    assertThat(content.getPseudoClassStates()).doesNotContain(TopologyGraphView.COLOURS_ONLY);
  }

  @Test
  void theLegendExplainsEveryStyleWhenToggled(FxRobot robot) {
    assertThat(robot.lookup("#graph-legend").query().isVisible()).isFalse();
    robot.clickOn("#graph-legend-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    Node legend = robot.lookup("#graph-legend").query();
    assertThat(legend.isVisible()).isTrue();
    assertThat(robot.from(legend).lookup(".legend-text").queryAll())
        .hasSize(GraphLegend.entries().size());
    assertThat(robot.from(legend).lookup(".scope-blocked").queryAll()).isNotEmpty();
    assertThat(robot.from(legend).lookup(".fd-edge-group").queryAll()).isNotEmpty();
  }

  @Test
  void fitZoomsInPastFullSizeAndReFitsOnResizeUntilTheUserZooms(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    double fitted = graph.zoom();
    assertThat(fitted).as("the small seed case fills a big view").isGreaterThan(1.0);
    robot.interact(() -> stage.setWidth(700));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.zoom()).as("re-fitted to the narrower window").isLessThan(fitted);
    robot.interact(graph::zoomIn);
    double zoomed = graph.zoom();
    robot.interact(() -> stage.setWidth(1100));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(graph.zoom()).as("the user's zoom is kept").isEqualTo(zoomed);
    assertThat(graph.fitting()).isFalse();
    robot.clickOn("#graph-fit");
    assertThat(graph.fitting()).isTrue();
  }

  @Test
  void selectingAFunctionFadesWhatItsResetDoesNotInvolveOrHidesIt(FxRobot robot) {
    robot.interact(() -> state.select(new ElementRef.FunctionRef(FN0)));
    assertThat(chip(robot, FN0).getOpacity()).isEqualTo(1.0);
    assertThat(chip(robot, FN1).getOpacity()).as("in fn0's bus reset scope").isEqualTo(1.0);
    assertThat(chip(robot, ROOT_PORT).getOpacity()).isEqualTo(TopologyGraphView.FADED);
    robot.clickOn("#graph-hide-toggle");
    assertThat(chip(robot, ROOT_PORT).isVisible()).isFalse();
    assertThat(chip(robot, FN1).isVisible()).isTrue();
    robot.interact(() -> state.select(new ElementRef.HolderRef("qemu-vm1")));
    assertThat(chip(robot, ROOT_PORT).isVisible()).isTrue();
    assertThat(chip(robot, ROOT_PORT).getOpacity()).isEqualTo(1.0);
  }

  @Test
  void aBigHostOpensCollapsedAndExpandsByClickAndKeyWithoutAnEdit(FxRobot robot) {
    Topology host = BuiltInSamples.largeHost(2000);
    robot.interact(() -> state.open("generated", host, null));
    WaitForAsyncUtils.waitForFxEvents();
    int collapsedChips = graph.chipCount();
    assertThat(collapsedChips).isLessThan(host.functions().size() / 4);
    GraphModel m = graph.viewModel().modelProperty().get();
    GraphModel.FunctionNode summary =
        m.functions().stream().filter(f -> f.summary().isPresent()).findFirst().orElseThrow();
    // Zoomed in to a readable size, chips show their expanders.
    robot.interact(() -> graph.centreOnFunction(summary.bdf()));
    Node expander = robot.lookup(n -> ("expander-" + summary.bdf()).equals(SkinName.of(n))).query();
    robot.interact(() -> expander.fireEvent(MouseEvents.press()));
    WaitForAsyncUtils.waitForFxEvents();
    Analysis a = state.results().analysis();
    var children = a.pci().functionsOn(a.pci().subordinateOf(summary.bdf()).orElseThrow());
    assertThat(graph.chipCount()).isEqualTo(collapsedChips + shownBelow(summary.bdf()));
    assertThat(shownBelow(summary.bdf())).isGreaterThanOrEqualTo(children.size());
    for (var f : children) {
      assertThat(robot.lookup(n -> ("fn-" + f.bdf()).equals(SkinName.of(n))).tryQuery())
          .isPresent();
    }
    assertThat(graph.viewModel().isCollapsed(summary.bdf())).isFalse();
    assertThat(state.commands().undoLabelProperty().get()).as("view state, not an edit").isEmpty();

    robot.interact(() -> state.select(new ElementRef.FunctionRef(summary.bdf())));
    robot.interact(graph::requestFocus);
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.viewModel().isCollapsed(summary.bdf())).isTrue();
    assertThat(graph.chipCount()).isEqualTo(collapsedChips);
  }

  @Test
  void fitPutsTheHoldersBackNextToTheTreeWhereAClosedSubtreeLeftRoomAndFitsThatGraph(
      FxRobot robot) {
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    TopologyGraphViewModel vm = graph.viewModel();
    GraphModel opened = vm.modelProperty().get();
    double openedZoom = graph.zoom();
    Bdf pusher = null;
    for (Bdf b : opened.collapsedBridges()) {
      Bdf bridge = b;
      robot.interact(() -> vm.setCollapsed(bridge, false));
      boolean pushed = vm.modelProperty().get().holdersX() > opened.holdersX();
      robot.interact(() -> vm.setCollapsed(bridge, true));
      if (pushed) {
        pusher = b;
        break;
      }
    }
    assertThat(pusher).as("a subtree that pushes the holders right").isNotNull();
    GraphModel closed = vm.modelProperty().get();
    assertThat(closed.holdersApart()).as("room left after it closed").isPositive();
    assertThat(graph.zoom()).as("expands and collapses keep the zoom").isEqualTo(openedZoom);

    robot.clickOn("#graph-fit");
    WaitForAsyncUtils.waitForFxEvents();
    GraphModel now = vm.modelProperty().get();
    assertThat(now.holdersApart()).isZero();
    assertThat(now.holdersX()).isEqualTo(opened.holdersX());
    assertThat(now.functions()).isEqualTo(closed.functions());
    assertThat(graph.zoom())
        .as("the narrower graph fitted anew, as it opened")
        .isEqualTo(openedZoom);
    double top = Math.min(TopologyGraphView.TOOLBAR_H, graph.getHeight() / 4);
    double fit =
        Math.min(graph.getWidth() / now.bounds().w(), (graph.getHeight() - top) / now.bounds().h());
    assertThat(graph.zoom()).isCloseTo(fit, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(graph.fitting()).isTrue();
  }

  @Test
  void anExpandThatOutgrowsTheViewKeepsTheZoomAndShowsWhatOpenedAndItsCollapseShowsTheWhole(
      FxRobot robot) {
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    TopologyGraphViewModel vm = graph.viewModel();
    GraphModel opened = vm.modelProperty().get();
    double zoom = graph.zoom();
    Bounds view = graph.localToScene(graph.getBoundsInLocal());
    // The lowest collapsed subtree: it opens below the graph's last row, out of the fitted view.
    Bdf lowest = lowestCollapsed(opened);
    Bounds before = sceneBounds(robot, lowest);
    robot.interact(() -> vm.setCollapsed(lowest, false));
    WaitForAsyncUtils.waitForFxEvents();
    GraphModel open = vm.modelProperty().get();
    assertThat(open.bounds().h()).as("the graph grew").isGreaterThan(opened.bounds().h());
    assertThat(graph.zoom()).as("an expand keeps the zoom").isEqualTo(zoom);
    assertThat(graph.fitting()).as("nothing the user did").isTrue();
    Box area = vm.openedArea(open, lowest).orElseThrow();
    assertThat(area.h()).as("the bridge's chip and the first row below it").isGreaterThan(70);
    Bounds shown =
        graph
            .lookup("#graph-content")
            .localToScene(new javafx.geometry.BoundingBox(area.x(), area.y(), area.w(), area.h()));
    assertThat(view.contains(shown)).as("what opened is in view: %s in %s", shown, view).isTrue();
    assertThat(sceneBounds(robot, lowest).getMinY())
        .as("panned up to show it")
        .isLessThan(before.getMinY());

    robot.interact(() -> vm.setCollapsed(lowest, true));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.zoom()).isEqualTo(zoom);
    assertThat(sceneBounds(robot, lowest).getMinY())
        .as("closed again, the graph shows whole where it opened")
        .isCloseTo(before.getMinY(), org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  void scrollBarsSayWhereTheGraphGoesOnOutOfViewAndDraggingOnePans(FxRobot robot) {
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    TopologyGraphViewModel vm = graph.viewModel();
    ViewportBars bars = graph.scrollBars();
    assertThat(bars.showsVertical() || bars.showsHorizontal()).as("the host fits").isFalse();
    GraphModel opened = vm.modelProperty().get();
    Bdf lowest = lowestCollapsed(opened);
    robot.interact(() -> vm.setCollapsed(lowest, false));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(bars.showsVertical()).as("the expand pushed rows out of view").isTrue();
    javafx.scene.layout.Region thumb = bars.verticalThumb();
    Bounds at = thumb.localToScene(thumb.getBoundsInLocal());
    Bounds track = graph.localToScene(graph.getBoundsInLocal());
    assertThat(at.getMinY()).as("a thumb away from the track's top").isGreaterThan(track.getMinY());
    Box before = graph.visibleArea();

    javafx.geometry.Point2D grab = thumb.localToScreen(thumb.getWidth() / 2, thumb.getHeight() / 2);
    robot.drag(grab).moveBy(0, -30).drop();
    WaitForAsyncUtils.waitForFxEvents();

    Box after = graph.visibleArea();
    assertThat(after.y()).as("dragging the thumb up shows what is above").isLessThan(before.y());
    assertThat(after.x()).isEqualTo(before.x());
    assertThat(graph.fitting()).as("the user moved the view").isFalse();

    // A click on the track below the thumb moves a page down, no further than the graph's end.
    Bounds thumbNow = thumb.localToScreen(thumb.getBoundsInLocal());
    robot.clickOn(new javafx.geometry.Point2D(thumbNow.getCenterX(), thumbNow.getMaxY() + 10));
    WaitForAsyncUtils.waitForFxEvents();
    Box paged = graph.visibleArea();
    double room = vm.modelProperty().get().bounds().bottom() - after.bottom();
    assertThat(room).as("the graph goes on below").isPositive();
    assertThat(paged.y() - after.y())
        .as("a page down from %s", after)
        .isCloseTo(
            Math.min(ViewportBars.PAGE * after.h(), room),
            org.assertj.core.data.Offset.offset(0.5));
  }

  @Test
  void theMapButtonSaysWhyTheMapItHasOnIsNotShown(FxRobot robot) {
    robot.interact(() -> org.vfioworkbench.ui.Theme.LIGHT.apply(graph.getScene()));
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.control.ToggleButton map =
        robot.lookup("#graph-map-toggle").queryAs(javafx.scene.control.ToggleButton.class);
    assertThat(map.isSelected()).isTrue();
    assertThat(graph.overviewCorner()).as("the host opens fitted").isEmpty();
    assertThat(graph.mapAbsence()).isEqualTo(MapAbsence.GRAPH_FITS);
    assertThat(map.getPseudoClassStates()).contains(MapAbsence.WAITING);
    assertThat(map.getTooltip().getText()).contains("whole graph is in view");
    Bounds waiting = map.getLayoutBounds();
    javafx.scene.layout.Background hollow = map.getBackground();
    // The look changes when the view moves (zoom, pan, a new model), not in a layout pass: styled
    // after one, the button would leave CSS for one more pulse, which repaints the whole window.
    org.vfioworkbench.ui.CssAfterLayout[] watch = new org.vfioworkbench.ui.CssAfterLayout[1];
    robot.interact(
        () -> watch[0] = org.vfioworkbench.ui.CssAfterLayout.on(graph.getScene(), () -> "map"));

    // Zoomed in on the tree's rows, every corner would cover a chip.
    robot.interact(
        () -> {
          for (int i = 0; i < 6; i++) {
            graph.zoomIn();
          }
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.overviewCorner()).as("no corner free").isEmpty();
    assertThat(graph.mapAbsence()).isEqualTo(MapAbsence.NO_FREE_CORNER);
    assertThat(map.getPseudoClassStates()).contains(MapAbsence.WAITING);
    assertThat(map.getTooltip().getText()).contains("every corner").contains("Pan or zoom out");

    // Panned to the graph's bottom right corner, the view's corner there is free: the map is back
    // and the button plain.
    Box all = graph.viewModel().modelProperty().get().bounds();
    robot.interact(() -> graph.centreOn(all.right(), all.bottom()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.overviewCorner()).as("a corner is free beyond the graph").isPresent();
    assertThat(graph.mapAbsence()).isEqualTo(MapAbsence.NONE);
    assertThat(map.getPseudoClassStates()).doesNotContain(MapAbsence.WAITING);
    assertThat(map.getLayoutBounds()).as("the button keeps its size").isEqualTo(waiting);
    assertThat(map.getBackground()).as("the button looks on, not waiting").isNotEqualTo(hollow);

    assertThat(watch[0].seen().keySet())
        .as("the Map button left needing CSS after layout")
        .noneMatch(k -> k.contains("graph-controls") || k.contains("toggle-button"));

    // Off, the button says nothing is waiting.
    robot.interact(() -> map.setSelected(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.overviewCorner()).isEmpty();
    assertThat(graph.mapAbsence()).isEqualTo(MapAbsence.NONE);
    assertThat(map.getPseudoClassStates()).doesNotContain(MapAbsence.WAITING);
  }

  @Test
  void aResizeAfterTheUserZoomedKeepsTheZoomAndMovesTheMapWithTheView(FxRobot robot) {
    openTheBigHostInAWindowOf1200By800(robot);
    // Zoomed out by the user, the whole graph is in view with room to spare: no map.
    robot.interact(
        () -> {
          graph.zoomOut();
          graph.zoomOut();
        });
    WaitForAsyncUtils.waitForFxEvents();
    double zoomed = graph.zoom();

    assertThat(graph.mapAbsence()).isEqualTo(MapAbsence.GRAPH_FITS);

    // A much smaller window at the same zoom shows only part of the graph: the map comes back (or
    // says that no corner is free), the moment the window changes, not at the next pan.
    robot.interact(
        () -> {
          stage.setWidth(520);
          stage.setHeight(420);
        });
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(graph.zoom()).as("the user's zoom is kept").isEqualTo(zoomed);
    assertThat(graph.mapAbsence())
        .as("the view no longer holds the graph")
        .isNotEqualTo(MapAbsence.GRAPH_FITS);
    Box v = graph.visibleArea();
    assertThat(v.w()).as("the view's own size is the new one").isLessThanOrEqualTo(520 / zoomed);

    // And back: the whole graph in view again, the map hides.
    robot.interact(
        () -> {
          stage.setWidth(1200);
          stage.setHeight(800);
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.zoom()).isEqualTo(zoomed);
    assertThat(graph.mapAbsence()).isEqualTo(MapAbsence.GRAPH_FITS);
  }

  @Test
  void theMapKeepsClearOfTheGraphsToolBarAsDrawn(FxRobot robot) {
    openTheBigHostInAWindowOf1200By800(robot);
    Box all = graph.viewModel().modelProperty().get().bounds();
    Node bar = robot.lookup(".graph-controls").query();
    Node map = robot.lookup(".graph-overview").query();
    // A bigger font (another theme, a longer label, one more button) makes the bar wider and
    // taller than any fixed room kept for it; the map must keep clear of the bar as drawn.
    robot.interact(() -> bar.setStyle("-fx-font-size: 26px"));
    // The view's top half above the graph, its bottom half on the tree's first rows and the
    // holders' first column: the bottom corners are taken, the top ones free but for the bar.
    Runnable aboveTheTopRightOfTheGraph =
        () -> {
          Box v = graph.visibleArea();
          graph.centreOn(all.right() - v.w() / 2, all.y());
        };
    robot.interact(
        () -> {
          graph.zoomIn();
          graph.zoomIn();
          graph.zoomIn();
          aboveTheTopRightOfTheGraph.run();
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.overviewCorner()).as("the top left is free").contains(Pos.TOP_LEFT);
    assertThat(map.localToScene(map.getLayoutBounds()))
        .matches(m -> !m.intersects(bar.localToScene(bar.getLayoutBounds())), "clear of the bar");

    // In a narrower view the bar reaches the top left corner: the map would be under it there,
    // so no corner is free.
    robot.interact(() -> stage.setWidth(700));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(aboveTheTopRightOfTheGraph);
    WaitForAsyncUtils.waitForFxEvents();
    Bounds barNow = bar.localToScene(bar.getLayoutBounds());
    assertThat(barNow.getMinX())
        .as("the bar reaches the map's room")
        .isLessThan(OverviewPane.W + 20);
    assertThat(graph.overviewCorner()).as("no corner clear of the graph and the bar").isEmpty();
    assertThat(graph.mapAbsence()).isEqualTo(MapAbsence.NO_FREE_CORNER);
  }

  /**
   * The window as {@code start} made it (an earlier test may have resized it), the 2k host in it.
   */
  private void openTheBigHostInAWindowOf1200By800(FxRobot robot) {
    robot.interact(
        () -> {
          stage.setWidth(1200);
          stage.setHeight(800);
          state.open("generated", BuiltInSamples.largeHost(2000), null);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The lowest collapsed subtree: it opens below the graph's last row. */
  private static Bdf lowestCollapsed(GraphModel m) {
    return m.collapsedBridges().stream()
        .max(java.util.Comparator.comparingDouble(b -> m.function(b).orElseThrow().box().y()))
        .orElseThrow();
  }

  private static Bounds sceneBounds(FxRobot robot, Bdf bdf) {
    Node n = chip(robot, bdf);
    return n.localToScene(n.getBoundsInLocal());
  }

  @Test
  void aBigHostOpensAsAnUnfadedOverviewAndSelectingADeviceOpensItsHoldersLanes(FxRobot robot) {
    Topology host = BuiltInSamples.largeHost(2000);
    robot.interact(() -> state.open("generated", host, null));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(state.selectionProperty().get()).as("nothing selected on a big host").isNull();
    assertThat(graph.viewModel().focusProperty().get()).isNull();
    java.util.Set<Node> chips = robot.lookup(".fn-node").queryAll();
    assertThat(chips).isNotEmpty();
    for (Node n : chips) {
      assertThat(n.getOpacity()).as("not faded").isEqualTo(1.0);
      assertThat(n.isVisible()).isTrue();
    }
    GraphModel m = graph.viewModel().modelProperty().get();
    assertThat(m.holders()).allMatch(GraphModel.HolderNode::compact);
    // Their bundled edges recede (a faint style) so the chips stay readable; hover lights them.
    java.util.Set<Node> edges = robot.from(graph.content()).lookup(".fd-edge").queryAll();
    assertThat(edges).isNotEmpty().allMatch(e -> e.getStyleClass().contains("fd-edge-bundle"));
    assertThat(m.functions())
        .anyMatch(f -> f.summary().map(x -> !x.blockedScopes().isEmpty()).orElse(false));
    // Zoomed out to fit, chips show a glance: a few words in text at least GLANCE_MIN_PX on screen,
    // set at that size and drawn with no scale to the screen (from the glyph cache).
    assertThat(graph.zoom()).isLessThan(TopologyGraphView.GLANCE_BELOW);
    java.util.Set<Node> glances = robot.from(graph.content()).lookup(".fn-glance").queryAll();
    assertThat(glances).isNotEmpty();
    for (Node t : glances) {
      double px = ((javafx.scene.text.Text) t).getFont().getSize();
      assertThat(px).isGreaterThanOrEqualTo(TopologyGraphView.GLANCE_MIN_PX - 0.05);
      assertThat(t.getLocalToSceneTransform().getMxx())
          .as("its scale to the screen")
          .isEqualTo(1.0);
    }

    Bdf open =
        state.results().analysis().devices().values().stream()
            .filter(d -> d.isOpen())
            .map(d -> d.bdf())
            .findFirst()
            .orElseThrow();
    robot.interact(() -> state.select(new ElementRef.FunctionRef(open)));
    WaitForAsyncUtils.waitForFxEvents();
    Focus f = graph.viewModel().focusProperty().get();
    GraphModel after = graph.viewModel().modelProperty().get();
    assertThat(after.holders())
        .allMatch(h -> h.compact() != f.holders().contains(h.name()))
        .anyMatch(h -> !h.compact());
    // The holders the selection opened draw their edges in full again.
    java.util.Set<String> opened =
        after.holders().stream()
            .filter(h -> !h.compact())
            .map(GraphModel.HolderNode::name)
            .collect(java.util.stream.Collectors.toSet());
    java.util.Set<Node> edgesAfter = robot.from(graph.content()).lookup(".fd-edge").queryAll();
    assertThat(edgesAfter)
        .filteredOn(
            e ->
                e.getParent() instanceof org.vfioworkbench.ui.graph.skin.FdEdgeSkin s
                    && opened.contains(s.edge().fd().holder()))
        .isNotEmpty()
        .noneMatch(e -> e.getStyleClass().contains("fd-edge-bundle"));
    // The others stay bundles, one per compact holder.
    assertThat(edgesAfter)
        .filteredOn(e -> e.getStyleClass().contains("fd-edge-bundle"))
        .isNotEmpty()
        .allMatch(
            e ->
                e.getParent() instanceof org.vfioworkbench.ui.graph.skin.BundleSkin b
                    && !opened.contains(b.bundle().holder()));
    // Those bundles name no fd in focus: every leg recedes; with the selection gone, none does.
    assertThat(edgesAfter)
        .filteredOn(e -> e.getStyleClass().contains("fd-edge-bundle"))
        .allMatch(e -> e.getOpacity() == TopologyGraphView.FADED && e.isVisible());
    robot.interact(() -> state.select(null));
    WaitForAsyncUtils.waitForFxEvents();
    java.util.Set<Node> bundleLegs =
        robot.from(graph.content()).lookup(".fd-edge-bundle").queryAll();
    assertThat(bundleLegs).isNotEmpty().allMatch(e -> e.getOpacity() == 1.0 && e.isVisible());
  }

  @Test
  void hoveringACompactHoldersBundleLightsAllOfItAndTheChipsItEndsAt(FxRobot robot) {
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    javafx.css.PseudoClass lit = javafx.css.PseudoClass.getPseudoClass("lit");
    List<String> wrong = new java.util.ArrayList<>();
    int[] checked = new int[2];
    // All in one FX turn: a re-fit between hovering and looking would draw the chips anew.
    robot.interact(
        () -> {
          GraphModel m = graph.viewModel().modelProperty().get();
          GraphModel.HolderNode holder =
              m.holders().stream().filter(GraphModel.HolderNode::compact).findFirst().orElseThrow();
          org.vfioworkbench.ui.graph.skin.BundleSkin bundle =
              graph.bundleSkin(holder.name()).orElseThrow();
          List<GraphModel.FdEdge> edges =
              m.fdEdges().stream().filter(e -> e.fd().holder().equals(holder.name())).toList();
          if (!bundle.bundle().edges().equals(edges)) {
            wrong.add("the bundle is not the holder's edges");
          }
          java.util.Set<Bdf> ends = new java.util.HashSet<>();
          edges.forEach(e -> e.function().ifPresent(ends::add));
          List<Node> legs = bundle.getChildrenUnmodifiable();
          for (boolean on : List.of(true, false)) {
            javafx.event.Event.fireEvent(legs.get(legs.size() - 1), MouseEvents.hover(on));
            for (Node l : legs) {
              checked[0]++;
              if (l.getPseudoClassStates().contains(lit) != on) {
                wrong.add("a leg, lit " + !on);
              }
            }
            for (Bdf b : ends) {
              checked[1]++;
              var chip =
                  (org.vfioworkbench.ui.graph.skin.FunctionChipSkin)
                      graph.chipNode(b).orElseThrow();
              if (chip.isLit() != on) {
                wrong.add(b + ", lit " + !on);
              }
            }
          }
        });
    assertThat(checked[0]).as("legs looked at").isPositive();
    assertThat(checked[1]).as("chips looked at").isPositive();
    assertThat(wrong).isEmpty();
  }

  @Test
  void clickingADeviceOpensItsHoldersLanesKeepingTheZoomAndTheChipWhereItWas(FxRobot robot) {
    Topology host = BuiltInSamples.largeHost(2000);
    robot.interact(() -> state.open("generated", host, null));
    WaitForAsyncUtils.waitForFxEvents();
    // An open vfio device sits inside a collapsed subtree of the overview: expand down to it.
    Bdf open =
        state.results().analysis().devices().values().stream()
            .filter(d -> d.isOpen())
            .map(d -> d.bdf())
            .findFirst()
            .orElseThrow();
    robot.interact(() -> graph.viewModel().reveal(open));
    WaitForAsyncUtils.waitForFxEvents();
    double zoom = graph.zoom();
    GraphModel before = graph.viewModel().modelProperty().get();
    assertThat(before.holders()).allMatch(GraphModel.HolderNode::compact);
    Node chip = chip(robot, open);
    Bounds at = chip.localToScene(chip.getBoundsInLocal());
    Bounds view = graph.localToScene(graph.getBoundsInLocal());
    assertThat(view.contains(at)).as("the chip clicked is on screen").isTrue();
    robot.interact(() -> chip.fireEvent(MouseEvents.press()));
    WaitForAsyncUtils.waitForFxEvents();
    GraphModel after = graph.viewModel().modelProperty().get();
    assertThat(after).as("laid out again with the holders' lanes open").isNotSameAs(before);
    assertThat(after.holders()).anyMatch(h -> !h.compact());
    // The lanes make the graph outgrow the view at the zoom it had: an expand would re-fit now.
    assertThat(
            after.bounds().w() * zoom > graph.getWidth()
                || after.bounds().h() * zoom > graph.getHeight())
        .as("the graph no longer fits the view at its zoom")
        .isTrue();
    assertThat(graph.zoom()).as("a selection does not re-fit").isEqualTo(zoom);
    Node now = chip(robot, open);
    Bounds moved = now.localToScene(now.getBoundsInLocal());
    assertThat(moved.getCenterX())
        .isCloseTo(at.getCenterX(), org.assertj.core.data.Offset.offset(0.5));
    assertThat(moved.getCenterY())
        .isCloseTo(at.getCenterY(), org.assertj.core.data.Offset.offset(0.5));
    assertThat(graph.fitting()).as("the user has not zoomed or panned").isTrue();
    double fitted = graph.zoom();
    robot.interact(() -> stage.setHeight(stage.getHeight() - 100));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.zoom()).as("a resize still re-fits").isNotEqualTo(fitted);
  }

  @Test
  void selectingAnFdOfACompactHolderOpensItsLanesAndCentresOnItsChip(FxRobot robot) {
    Topology host = BuiltInSamples.largeHost(2000);
    robot.interact(() -> state.open("generated", host, null));
    WaitForAsyncUtils.waitForFxEvents();
    var holder = host.holders().get(host.holders().size() - 1);
    var fd = new org.vfioworkbench.model.FdRef(holder.name(), holder.files().get(0).fd());
    robot.interact(() -> state.select(new ElementRef.FileRef(fd)));
    WaitForAsyncUtils.waitForFxEvents();
    Node chip =
        robot.lookup(n -> ("fd-" + fd.holder() + "-" + fd.fd()).equals(SkinName.of(n))).query();
    Bounds b = chip.localToScene(chip.getBoundsInLocal());
    Bounds view = graph.localToScene(graph.getBoundsInLocal());
    assertThat(b.getCenterX()).isBetween(view.getMinX(), view.getMaxX());
    assertThat(b.getCenterY()).isBetween(view.getMinY(), view.getMaxY());
    assertThat(graph.zoom()).isGreaterThanOrEqualTo(TopologyGraphView.READABLE);
  }

  @Test
  void selectingAFunctionInsideACollapsedSubtreeRevealsAndCentresIt(FxRobot robot) {
    Topology host = BuiltInSamples.largeHost(2000);
    robot.interact(() -> state.open("generated", host, null));
    WaitForAsyncUtils.waitForFxEvents();
    Analysis a = state.results().analysis();
    Bdf hidden =
        host.functions().stream()
            .map(f -> f.bdf())
            .filter(b -> graph.viewModel().modelProperty().get().function(b).isEmpty())
            .filter(b -> a.pci().busOf(b).bridge().isPresent())
            .reduce((x, y) -> y)
            .orElseThrow();
    robot.interact(() -> state.select(new ElementRef.FunctionRef(hidden)));
    WaitForAsyncUtils.waitForFxEvents();
    Node chip = chip(robot, hidden);
    Bounds b = chip.localToScene(chip.getBoundsInLocal());
    assertThat(b.getCenterX()).isBetween(0.0, graph.getWidth());
    assertThat(b.getCenterY()).isBetween(0.0, graph.getHeight());
    assertThat(graph.zoom()).isGreaterThanOrEqualTo(TopologyGraphView.READABLE);
  }

  @Test
  void onANarrowGraphTheLegendWrapsAndScrollsInsideItClearOfTheToolBar(FxRobot robot) {
    robot.clickOn("#graph-legend-toggle");
    for (double[] size : new double[][] {{1200, 800}, {700, 420}, {520, 360}}) {
      robot.interact(
          () -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      WaitForAsyncUtils.waitForFxEvents();
      Node legend = robot.lookup("#graph-legend").query();
      Node bar = robot.lookup(".graph-controls").query();
      Bounds l = legend.localToScene(legend.getBoundsInLocal());
      Bounds b = bar.localToScene(bar.getBoundsInLocal());
      Bounds g = graph.localToScene(graph.getBoundsInLocal());
      String at = (int) size[0] + "x" + (int) size[1];
      assertThat(legend.isVisible()).isTrue();
      assertThat(g.contains(l)).as("inside the graph at " + at).isTrue();
      assertThat(l.intersects(b)).as("clear of the tool bar at " + at).isFalse();
      assertThat(robot.from(legend).lookup(".legend-text").queryAll())
          .hasSize(GraphLegend.entries().size());
      java.util.function.Predicate<Node> text = n -> n instanceof javafx.scene.text.Text;
      for (Node t : robot.from(legend).lookup(text).queryAll()) {
        assertThat(((javafx.scene.text.Text) t).getText())
            .as("legend text at " + at)
            .doesNotEndWith("\u2026")
            .doesNotEndWith("...");
      }
    }
  }

  @Test
  void aDeviceWhoseFocusOutgrowsAReadableScreenSharesItWithItsNearestHolderWhenBothFit(
      FxRobot robot) {
    Topology host = BuiltInSamples.largeHost(2000);
    robot.interact(() -> state.open("generated", host, null));
    WaitForAsyncUtils.waitForFxEvents();
    java.util.List<Bdf> open =
        state.results().analysis().devices().values().stream()
            .filter(d -> d.isOpen())
            .map(d -> d.bdf())
            .toList();
    int outgrown = 0;
    int holderInView = 0;
    int holderCentred = 0;
    for (Bdf bdf : open) {
      robot.interact(
          () -> {
            state.select(null);
            graph.fit();
          });
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> state.select(new ElementRef.FunctionRef(bdf)));
      WaitForAsyncUtils.waitForFxEvents();
      GraphModel m = graph.viewModel().modelProperty().get();
      Box frame = graph.focusFrame(m, new ElementRef.FunctionRef(bdf)).orElseThrow();
      Box v = graph.visibleArea();
      if (frame.w() <= v.w() && frame.h() <= v.h()) {
        continue; // the whole focus fits: framed whole (another test)
      }
      outgrown++;
      Box chip = m.function(bdf).orElseThrow().box();
      assertThat(graph.zoom()).isGreaterThanOrEqualTo(TopologyGraphView.READABLE);
      assertThat(v.contains(chip)).as(bdf + " is on screen").isTrue();
      Box centredOnChip =
          new Box(chip.centerX() - v.w() / 2, chip.centerY() - v.h() / 2, v.w(), v.h());
      Focus f = graph.viewModel().focusProperty().get();
      java.util.List<Box> lanes =
          m.holders().stream()
              .filter(h -> f.holders().contains(h.name()) && !h.compact())
              .map(GraphModel.HolderNode::box)
              .toList();
      assertThat(lanes).as("%s's holders drawn with their lanes", bdf).isNotEmpty();
      assertThat(nearest(lanes, v))
          .as("the screen is no farther from %s's holders than one centred on it", bdf)
          .isLessThanOrEqualTo(nearest(lanes, centredOnChip) + 1);
      boolean centred =
          Math.abs(v.centerX() - chip.centerX()) < 1 && Math.abs(v.centerY() - chip.centerY()) < 1;
      assertThat(centred || lanes.stream().anyMatch(l -> l.intersects(v)))
          .as("%s is off centre only to show a holder beside it", bdf)
          .isTrue();
      holderInView += lanes.stream().anyMatch(l -> l.intersects(v)) ? 1 : 0;
      holderCentred += lanes.stream().anyMatch(l -> l.intersects(centredOnChip)) ? 1 : 0;
    }
    assertThat(outgrown).as("devices whose focus outgrows the screen").isPositive();
    assertThat(holderInView)
        .as("shown with a lane of their holder, against centred on the device")
        .isGreaterThan(holderCentred);
  }

  /** How far the centre of {@code view} is from the nearest of {@code boxes}. */
  private static double nearest(java.util.List<Box> boxes, Box view) {
    return boxes.stream()
        .mapToDouble(
            b ->
                Math.hypot(
                    Math.max(0, Math.max(b.x() - view.centerX(), view.centerX() - b.right())),
                    Math.max(0, Math.max(b.y() - view.centerY(), view.centerY() - b.bottom()))))
        .min()
        .orElseThrow();
  }

  /** How many chips are now drawn for functions below {@code bridge}. */
  private int shownBelow(Bdf bridge) {
    Analysis a = state.results().analysis();
    int n = 0;
    for (GraphModel.FunctionNode f : graph.viewModel().modelProperty().get().functions()) {
      java.util.Optional<Bdf> up = a.pci().busOf(f.bdf()).bridge();
      while (up.isPresent() && !up.get().equals(bridge)) {
        up = a.pci().busOf(up.get()).bridge();
      }
      if (up.isPresent()) {
        n++;
      }
    }
    return n;
  }

  private static Node chip(FxRobot robot, Bdf bdf) {
    return robot.lookup(n -> ("fn-" + bdf).equals(SkinName.of(n))).query();
  }
}
