package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.skin.CaptionFloor;
import org.vfioworkbench.ui.state.WorkbenchState;

/**
 * No caption in the graph is drawn smaller than the readable floor at any zoom step, and a caption
 * hidden for it comes back once the zoom makes it readable again (issue 11: below a size, show
 * less, never smaller text).
 */
@ExtendWith(ApplicationExtension.class)
class GraphCaptionFloorTest extends FxTestBase {

  private WorkbenchState state;
  private TopologyGraphView graph;

  @Start
  void start(Stage stage) {
    GraphWindow w = GraphWindow.show(stage);
    state = w.state();
    graph = w.graph();
    Scene scene = graph.getScene();
    // the captions' sizes come from the workbench's style sheet, as in the window
    scene
        .getStylesheets()
        .add(
            org.vfioworkbench.ui.WorkbenchWindow.class
                .getResource("workbench.css")
                .toExternalForm());
    org.vfioworkbench.ui.Theme.LIGHT.apply(scene);
  }

  @Test
  void zoomingTheGeneratedHostOutHidesCaptionsBelowTheFloorAndZoomingInBringsThemBack(
      FxRobot robot) {
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    double opened = graph.zoom();
    assertThat(opened).as("the host opens zoomed out").isLessThan(0.6);
    assertNothingBelowTheFloor("as it opens");
    assertEveryReadableCaptionShows();
    assertThat(captions("bus-label")).as("the host has bus bars with labels").isNotEmpty();

    for (int i = 0; i < 3; i++) {
      robot.interact(graph::zoomOut);
      WaitForAsyncUtils.waitForFxEvents();
      assertNothingBelowTheFloor("zoomed out to " + graph.zoom());
      assertEveryReadableCaptionShows();
    }
    assertThat(captions("bus-label"))
        .as("11.5 px bus labels at %.2f would show below the floor", graph.zoom())
        .noneMatch(GraphCaptionFloorTest::shows);
    while (graph.zoom() < 1.2) {
      robot.interact(graph::zoomIn);
      WaitForAsyncUtils.waitForFxEvents();
      assertNothingBelowTheFloor("zoomed in to " + graph.zoom());
      assertEveryReadableCaptionShows();
    }
    assertThat(captions("bus-label"))
        .as("at %.2f the bus labels are back", graph.zoom())
        .isNotEmpty()
        .allMatch(GraphCaptionFloorTest::shows);
    assertThat(captions("hull-label")).isNotEmpty().allMatch(GraphCaptionFloorTest::shows);
    assertThat(captions("complex-label")).isNotEmpty().allMatch(GraphCaptionFloorTest::shows);

    robot.interact(graph::fit);
    WaitForAsyncUtils.waitForFxEvents();
    assertNothingBelowTheFloor("fitted again");
    assertEveryReadableCaptionShows();
  }

  @Test
  void theSeedSampleKeepsItsCaptionsAtASmallWindowAndDropsThemOnlyBelowTheFloor(FxRobot robot) {
    robot.interact(() -> state.open("seed", BuiltInSamples.seedCase(), null));
    WaitForAsyncUtils.waitForFxEvents();
    assertNothingBelowTheFloor("fitted");
    assertEveryReadableCaptionShows();
    for (int i = 0; i < 6; i++) {
      robot.interact(graph::zoomOut);
      WaitForAsyncUtils.waitForFxEvents();
      assertNothingBelowTheFloor("zoomed out to " + graph.zoom());
      assertEveryReadableCaptionShows();
    }
    assertThat(captions("fn-bdf"))
        .as("at %.2f", graph.zoom())
        .noneMatch(GraphCaptionFloorTest::shows);
  }

  @Test
  void aHostThatIsNoOverviewGlancesWhereItsAddressesWouldHide(FxRobot robot) {
    // A host too small to open as an overview, yet too big to fit at a zoom where a full chip's
    // address reads: each chip says its address in a few big words instead of nothing.
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(120), null));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.viewModel().isOverview()).isFalse();
    while (CaptionFloor.readable(CaptionFloor.cssSize("fn-bdf"), graph.zoom())) {
      robot.interact(graph::zoomOut);
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertNothingBelowTheFloor("zoomed out to " + graph.zoom());
    List<Text> glances = captions("fn-glance");
    assertThat(glances)
        .as("at %.2f every chip glances", graph.zoom())
        .hasSize(graph.chipCount())
        .allMatch(t -> shows(t) && !t.getText().isBlank());
    assertThat(captions("fn-bdf")).isEmpty();
    while (!CaptionFloor.readable(CaptionFloor.cssSize("fn-bdf"), graph.zoom())) {
      robot.interact(graph::zoomIn);
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(captions("fn-glance")).as("at %.2f", graph.zoom()).isEmpty();
    assertThat(captions("fn-bdf"))
        .as("at %.2f the full chips are back", graph.zoom())
        .hasSize(graph.chipCount())
        .allMatch(GraphCaptionFloorTest::shows);
  }

  @Test
  void zoomingWithoutCrossingACaptionThresholdDoesNotWalkTheCaptions(FxRobot robot) {
    robot.interact(() -> state.open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    while (graph.zoom() <= 0.6) {
      robot.interact(graph::zoomIn);
    }
    WaitForAsyncUtils.waitForFxEvents();
    int passes = graph.captionPasses();
    for (int i = 0; i < 5; i++) {
      robot.interact(graph::zoomIn);
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.zoom()).as("every caption is above the floor from 0.6 on").isGreaterThan(1.8);
    assertThat(graph.captionPasses()).as("no threshold crossed, no walk").isEqualTo(passes);
    while (graph.zoom() > 0.3) {
      robot.interact(graph::zoomOut);
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(graph.captionPasses())
        .as("zooming out past the thresholds walks once per crossing at most")
        .isGreaterThan(passes)
        .isLessThanOrEqualTo(passes + 6);
    assertNothingBelowTheFloor("zoomed out to " + graph.zoom());
  }

  /** Every drawn text in the graph is at least the floor high on screen. */
  private void assertNothingBelowTheFloor(String when) {
    List<Text> shown = new ArrayList<>();
    texts(content(), shown);
    shown.removeIf(t -> !shows(t) || t.getText().isBlank());
    for (Text t : shown) {
      assertThat(onScreenSize(t))
          .as("\"%s\" (%s) on screen in px, %s", t.getText(), t.getStyleClass(), when)
          .isGreaterThanOrEqualTo(CaptionFloor.FLOOR_PX - 0.01);
    }
  }

  /**
   * Every caption that would show at least the floor high is drawn (less text only when needed).
   */
  private void assertEveryReadableCaptionShows() {
    List<Text> all = new ArrayList<>();
    texts(content(), all);
    for (Text t : all) {
      double css = cssSize(t);
      if (t.isVisible() && css > 0 && shows(t)) {
        assertThat(t.getFont().getSize())
            .as(
                "the floor's size of \"%s\" (%s) is the one CSS gives it",
                t.getText(), t.getStyleClass())
            .isCloseTo(css, org.assertj.core.data.Offset.offset(0.01));
      }
      if (!t.isVisible() && parentShows(t) && !t.getText().isBlank()) {
        // A hidden node gets no CSS: its size is the one CSS gives its class.
        assertThat(css).as("only captions are hidden: %s", t.getStyleClass()).isPositive();
        assertThat(css * scale(t))
            .as("hidden \"%s\" (%s) at zoom %.3f", t.getText(), t.getStyleClass(), graph.zoom())
            .isLessThan(CaptionFloor.FLOOR_PX);
      }
    }
  }

  /** Whether the node is drawn: it and every parent are visible. */
  static boolean shows(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (!x.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static boolean parentShows(Node n) {
    return n.getParent() == null || shows(n.getParent());
  }

  private Node content() {
    return graph.lookup("#graph-content");
  }

  private List<Text> captions(String styleClass) {
    List<Text> all = new ArrayList<>();
    texts(content(), all);
    all.removeIf(t -> !t.getStyleClass().contains(styleClass));
    return all;
  }

  private static void texts(Node n, List<Text> out) {
    if (n instanceof Text t) {
      out.add(t);
    } else if (n instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> texts(c, out));
    }
  }

  /** The text's font size times the scale from its own coordinates to the scene's. */
  static double onScreenSize(Text t) {
    return t.getFont().getSize() * scale(t);
  }

  private static double scale(Node n) {
    Transform x = n.getLocalToSceneTransform();
    return Math.hypot(x.getMyy(), x.getMxy());
  }

  private static double cssSize(Text t) {
    return t.getStyleClass().stream().mapToDouble(CaptionFloor::cssSize).max().orElse(0);
  }
}
