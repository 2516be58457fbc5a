package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vfioworkbench.ui.FxTestBase;

/**
 * A glance word under the graph's zoom: set at its size on screen, scaled back into graph units, so
 * that its transform to the screen is a translation only (what the software pipeline draws from its
 * glyph cache) while it takes the place it took before.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenSizedTextTest extends FxTestBase {

  private final Scale zoom = new Scale(1, 1, 0, 0);
  private final Group content = new Group();

  @Start
  void start(Stage stage) {
    content.getTransforms().add(zoom);
    stage.setScene(new Scene(new Group(content), 400, 300));
    stage.show();
  }

  /** Sets the zoom as the view does: to a number with an exact inverse next to {@code z}. */
  private void zoomTo(double z) {
    zoom.setX(ScreenSizedText.invertible(z));
    zoom.setY(zoom.getX());
  }

  private static Text word(String s, double graphSize) {
    Text t = SkinText.at(s, 100, 40, "fn-glance");
    t.setFont(Font.font(null, FontWeight.BOLD, graphSize));
    return t;
  }

  @Test
  void aFollowingWordIsSetAtItsScreenSizeWithNoScaleToTheScreenAndKeepsItsPlace(FxRobot robot) {
    Text plain = word("\u2718 bus 03", 40);
    Text followed = word("\u2718 bus 03", 40);
    ScreenSizedText screen = new ScreenSizedText(zoom.xProperty());
    robot.interact(
        () -> {
          zoomTo(0.298);
          screen.follow(followed);
          content.getChildren().setAll(plain, followed);
        });

    assertThat(followed.getFont().getSize())
        .isLessThanOrEqualTo(40 * zoom.getX())
        .isGreaterThan(40 * zoom.getX() - ScreenSizedText.STEP_PX);
    assertThat(followed.getFont().getName()).isEqualTo(plain.getFont().getName());
    assertThat(followed.getLocalToSceneTransform().getMxx()).isEqualTo(1.0);
    assertThat(followed.getLocalToSceneTransform().getMyy()).isEqualTo(1.0);
    assertThat(plain.getLocalToSceneTransform().getMxx()).isLessThan(1.0);
    Bounds was = plain.getBoundsInParent();
    Bounds is = followed.getBoundsInParent();
    assertThat(is.getMinX()).isCloseTo(was.getMinX(), within(0.5));
    assertThat(is.getMinY()).isCloseTo(was.getMinY(), within(0.5));
    // set at its screen size a word may be a little wider or narrower, never by a letter
    assertThat(is.getWidth()).isCloseTo(was.getWidth(), within(0.06 * was.getWidth()));
    assertThat(is.getHeight()).isCloseTo(was.getHeight(), within(0.06 * was.getHeight()));
  }

  @Test
  void aWordFollowsEveryLaterZoom(FxRobot robot) {
    Text t = word("qemu-12", 36);
    ScreenSizedText screen = new ScreenSizedText(zoom.xProperty());
    robot.interact(
        () -> {
          screen.follow(t);
          content.getChildren().setAll(t);
        });
    for (double z : new double[] {0.5, 0.21, 0.1337}) {
      robot.interact(() -> zoomTo(z));
      assertThat(t.getFont().getSize())
          .as("at %s", z)
          .isLessThanOrEqualTo(36 * z + 1e-9)
          .isGreaterThan(36 * z - ScreenSizedText.STEP_PX);
      assertThat(t.getLocalToSceneTransform().getMxx()).as("at %s", z).isEqualTo(1.0);
    }
  }

  @Test
  void aReFitWithinOneStepOnScreenKeepsTheWordsFontSoTheyAreNotLaidOutAgain(FxRobot robot) {
    Text a = word("qemu-1", 40);
    Text b = word("qemu-2", 40);
    ScreenSizedText screen = new ScreenSizedText(zoom.xProperty());
    robot.interact(
        () -> {
          zoomTo(0.300);
          screen.follow(a);
          screen.follow(b);
          content.getChildren().setAll(a, b);
        });
    Font before = a.getFont();
    assertThat(b.getFont()).isSameAs(before);
    // 12.0 px on screen; 0.31 makes it 12.4 px, still the 12 px step
    robot.interact(() -> zoomTo(0.31));
    assertThat(a.getFont()).isSameAs(before);
    assertThat(a.getLocalToSceneTransform().getMxx()).isEqualTo(1.0);
    // 0.32 makes it 12.8 px: the next step
    robot.interact(() -> zoomTo(0.32));
    assertThat(a.getFont().getSize()).isEqualTo(12.5);
    assertThat(b.getFont()).isSameAs(a.getFont());
  }

  @Test
  void everyZoomHasAnInvertibleNeighbourOneUnitInTheLastPlaceAway() {
    Random r = new Random(11);
    for (int i = 0; i < 200_000; i++) {
      double z = 0.02 + 4 * r.nextDouble();
      double snapped = ScreenSizedText.invertible(z);
      assertThat(Math.abs(snapped - z)).as("%s", z).isLessThanOrEqualTo(Math.ulp(z));
      assertThat(snapped * ScreenSizedText.exactInverse(snapped)).as("%s", z).isEqualTo(1.0);
    }
  }
}
