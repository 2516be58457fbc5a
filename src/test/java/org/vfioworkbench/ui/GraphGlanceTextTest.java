package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * At the window sizes the README's screenshots are taken at, the built-in samples' graphs show no
 * glance word cut off with an ellipsis (a chip too narrow shows a shorter form) nor reduced to the
 * cross alone (a collapsed subtree's chip names what is blocked below it), and every other caption
 * that had to be shortened so has its whole text in the tooltip of what it captions.
 */
@ExtendWith(ApplicationExtension.class)
class GraphGlanceTextTest extends FxTestBase {

  private static final String ELLIPSIS = "\u2026";
  private static final String CROSS_ALONE = "\u2718";

  @TempDir static Path config;

  private WorkbenchWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = new WorkbenchWindow(stage, config, TaskExecutor.currentThread());
    stage.show();
  }

  @Test
  void atFullHdNoGlanceIsClippedAndEveryShortenedCaptionHasItsWholeTextInATooltip(FxRobot robot) {
    check(robot, 1920, 1080);
  }

  @Test
  void at1366x768NoGlanceIsClippedAndEveryShortenedCaptionHasItsWholeTextInATooltip(FxRobot robot) {
    check(robot, 1366, 768);
  }

  private void check(FxRobot robot, double width, double height) {
    int glances = 0;
    for (Sample s : BuiltInSamples.all()) {
      robot.interact(
          () -> {
            stage.setWidth(width);
            stage.setHeight(height);
            window.openSample(s);
          });
      WaitForAsyncUtils.waitForFxEvents();
      Node content = window.scene().getRoot().lookup("#graph-content");
      List<Text> shown = new ArrayList<>();
      texts(content, shown);
      shown.removeIf(t -> !shows(t));
      for (Text t : shown) {
        String text = t.getText();
        if (t.getStyleClass().contains("fn-glance")) {
          glances++;
          assertThat(text).as("%s at %.0f×%.0f", s.name(), width, height).doesNotEndWith(ELLIPSIS);
          assertThat(text)
              .as(
                  "%s at %.0f×%.0f: a glance that says what is wrong below, not only that"
                      + " something is",
                  s.name(), width, height)
              .isNotEqualTo(CROSS_ALONE);
        } else if (text.endsWith(ELLIPSIS)) {
          String kept = text.substring(0, text.length() - 1);
          assertThat(tooltips(robot, t, content))
              .as("%s: the tooltips over \"%s\" (%s)", s.name(), text, t.getStyleClass())
              .anyMatch(tip -> tip.contains(kept) && tip.length() > kept.length());
        }
      }
    }
    assertThat(glances).as("the generated host opens as an overview of glances").isPositive();
  }

  /** The tooltips of the text and of what holds it, as hovering each shows them. */
  private static List<String> tooltips(FxRobot robot, Node text, Node content) {
    List<String> out = new ArrayList<>();
    for (Node n = text; n != null && n != content; n = n.getParent()) {
      Node target = n;
      robot.interact(() -> Event.fireEvent(target, MouseEvents.hover(true)));
      if (n.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip tip) {
        out.add(tip.getText());
      }
    }
    return out;
  }

  private static boolean shows(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (!x.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static void texts(Node n, List<Text> out) {
    if (n instanceof Text t) {
      out.add(t);
    } else if (n instanceof javafx.scene.Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> texts(c, out));
    }
  }
}
