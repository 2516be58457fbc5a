package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.files.BuiltInSamples;

/**
 * The overview map shows the graph and the visible area as they are now, and nothing of where the
 * view was before: drawn again after a pan, it is the same picture however it got there.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewMapTest extends FxTestBase {

  private GraphWindow window;

  @Start
  void start(Stage stage) {
    window = GraphWindow.show(stage);
  }

  @Test
  void theMapIsDarkInTheDarkThemeAndLightInTheLight(FxRobot robot) {
    TopologyGraphView graph = window.graph();
    OverviewPane map = (OverviewPane) graph.lookup(".graph-overview");
    double[] brightness = new double[2];
    robot.interact(
        () -> {
          // the workbench's style sheet and its dark class, as Theme sets them (without the
          // user-agent sheet, which is the whole JVM's)
          javafx.scene.Scene scene = graph.getScene();
          String sheet =
              org.vfioworkbench.ui.Theme.class.getResource("workbench.css").toExternalForm();
          scene.getStylesheets().add(sheet);
          scene.getRoot().applyCss();
          brightness[0] = background(map).getBrightness();
          scene.getRoot().getStyleClass().add("dark");
          scene.getRoot().applyCss();
          brightness[1] = background(map).getBrightness();
          scene.getRoot().getStyleClass().remove("dark");
          scene.getStylesheets().remove(sheet);
        });
    assertThat(brightness[0]).as("light theme").isGreaterThan(0.9);
    assertThat(brightness[1]).as("dark theme").isLessThan(0.3);
  }

  private static javafx.scene.paint.Color background(OverviewPane map) {
    return (javafx.scene.paint.Color) map.getBackground().getFills().get(0).getFill();
  }

  @Test
  void aPannedMapKeepsNoTraceOfTheVisibleAreaBefore(FxRobot robot) {
    TopologyGraphView graph = window.graph();
    robot.interact(() -> window.state().open("generated", BuiltInSamples.largeHost(2000), null));
    WaitForAsyncUtils.waitForFxEvents();
    OverviewPane map = (OverviewPane) graph.lookup(".graph-overview");
    Canvas canvas = (Canvas) map.getChildrenUnmodifiable().get(0);
    Box b = graph.viewModel().modelProperty().get().bounds();
    robot.interact(
        () -> {
          graph.zoomIn();
          graph.zoomIn();
          graph.centreOn(b.w() * 0.2, b.h() * 0.2);
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> graph.centreOn(b.w() * 0.7, b.h() * 0.7));
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage afterPan = snapshot(robot, canvas);

    robot.interact(map::redrawViewport);
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage drawnAgain = snapshot(robot, canvas);

    assertThat(differingPixels(afterPan, drawnAgain))
        .as("pixels that differ when the same view is drawn again")
        .isZero();
  }

  private static WritableImage snapshot(FxRobot robot, Canvas canvas) {
    WritableImage[] image = new WritableImage[1];
    robot.interact(() -> image[0] = canvas.snapshot(null, null));
    return image[0];
  }

  private static int differingPixels(WritableImage a, WritableImage b) {
    PixelReader ra = a.getPixelReader();
    PixelReader rb = b.getPixelReader();
    int n = 0;
    for (int y = 0; y < (int) a.getHeight(); y++) {
      for (int x = 0; x < (int) a.getWidth(); x++) {
        if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
          n++;
        }
      }
    }
    return n;
  }
}
