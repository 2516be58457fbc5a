package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;

/**
 * A plain chip too narrow for its address at the smallest glance size: it says the address a little
 * smaller before it says only "device.function", which two buses' chips can share.
 */
@ExtendWith(ApplicationExtension.class)
class FunctionChipAddressGlanceTest extends FxTestBase {

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new Group(), 200, 100));
  }

  private static FunctionNode plain(String bdf) {
    return CollapsedChips.expanded(bdf, new Box(0, 0, 156, 58));
  }

  @Test
  void aPlainChipTriesItsAddressFormsBeforeTheDeviceAndFunctionAlone() {
    assertThat(FunctionChipSkin.glanceLastResort(plain("0001:1a:03.0")))
        .containsExactly("0001:1a:03.0", "1:1a:03.0", "1a:03.0", "03.0");
    assertThat(FunctionChipSkin.glanceLastResort(plain("0000:00:03.0")))
        .containsExactly("00:03.0", "03.0");
  }

  @Test
  void anAddressThatMissesTheSmallestGlanceSizeByALittleIsSetALittleSmaller(FxRobot robot) {
    FunctionNode n = plain("0000:00:03.0");
    double font = 40;
    double least = font * 0.8;
    Text[] said = new Text[1];
    robot.interact(
        () -> {
          double atLeast = width("00:03.0", least);
          double shrunk = width("00:03.0", least * FunctionChipSkin.LAST_RESORT_SHRINK);
          // it misses by less than the padding it may take, even at the smaller size
          double maxW = Math.min(atLeast, shrunk) - FunctionChipSkin.LAST_RESORT_WIDER / 2;
          said[0] =
              FunctionChipSkin.glanceText(
                  FunctionChipSkin.glanceWords(n),
                  FunctionChipSkin.glanceLastResort(n),
                  maxW,
                  font,
                  least);
        });
    assertThat(said[0].getText()).isEqualTo("00:03.0");
  }

  private static double width(String word, double size) {
    Text t =
        FunctionChipSkin.glanceText(
            java.util.List.of(word), java.util.List.of(word), Double.MAX_VALUE, size, size);
    return t.getLayoutBounds().getWidth();
  }
}
