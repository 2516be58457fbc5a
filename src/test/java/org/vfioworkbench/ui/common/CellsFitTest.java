package org.vfioworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.ui.FxTestBase;

/**
 * A column fitted to thousands of rows gets the width of its widest text, as if every text were
 * laid out, while laying out each distinct text at most once and far fewer than the rows.
 */
@ExtendWith(ApplicationExtension.class)
class CellsFitTest extends FxTestBase {

  @Start
  void start(Stage stage) {}

  private static double everyText(double least, List<String> values) {
    double w = least;
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        w = Math.max(w, Cells.textWidth(v));
      }
    }
    return w;
  }

  @Test
  void theWidestTextWinsEvenWhenAShorterOneIsWider(FxRobot robot) throws Exception {
    // "WWWWWWWW" is shorter and wider than "iiiiiiiiiii"; '\u2718' is outside ASCII
    List<String> values = new ArrayList<>();
    Random r = new Random(7);
    String[] shapes = {"iiiiiiiiiii", "WWWWWWWW", "\u2718 bus 06", "0000:3a:00.1 (cdev)", "ll"};
    for (int i = 0; i < 5_000; i++) {
      values.add(shapes[r.nextInt(shapes.length)] + (i % 3 == 0 ? "" : "M".repeat(r.nextInt(3))));
    }
    values.add(null);
    values.add("");
    double[] got = new double[2];
    WaitForAsyncUtils.asyncFx(
            () -> {
              got[0] = Cells.widest(30, values);
              got[1] = everyText(30, values);
            })
        .get();
    assertThat(got[0]).isEqualTo(got[1]);
  }

  @Test
  void eachDistinctTextIsLaidOutAtMostOnceAndFewerThanTheRows(FxRobot robot) throws Exception {
    List<String> fewShapes = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      fewShapes.add(i % 2 == 0 ? "error" : "warning");
      addresses.add(String.format("0000:%02x:%02x.%x (group)", i / 256 % 256, i / 8 % 32, i % 8));
    }
    long[] laidOut = new long[2];
    WaitForAsyncUtils.asyncFx(
            () -> {
              long before = Cells.measured;
              Cells.widest(0, fewShapes);
              laidOut[0] = Cells.measured - before;
              before = Cells.measured;
              Cells.widest(0, addresses);
              laidOut[1] = Cells.measured - before;
            })
        .get();
    // its distinct characters and its two texts
    assertThat(laidOut[0]).isLessThanOrEqualTo("erowaning".chars().distinct().count() + 2);
    // its characters, then only the texts that could still be the widest: not one per row
    assertThat(laidOut[1]).isLessThan(1_000);
  }

  @Test
  void fittingTheRowsAgainAfterAnEditLaysOutOnlyItsNewTexts(FxRobot robot) throws Exception {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(String.format("qemu-%d:%d 0000:%02x:00.0 refit", i % 40, i, i % 256));
    }
    List<String> edited = new ArrayList<>(rows);
    edited.set(7, "a row the edit made much wider than any other: 0000:07:00.0 EPERM");
    long[] laidOut = new long[2];
    double[] widths = new double[2];
    WaitForAsyncUtils.asyncFx(
            () -> {
              Cells.widest(0, rows);
              long before = Cells.measured;
              Cells.widest(0, rows);
              laidOut[0] = Cells.measured - before;
              before = Cells.measured;
              widths[0] = Cells.widest(0, edited);
              laidOut[1] = Cells.measured - before;
              widths[1] = everyText(0, edited);
            })
        .get();
    assertThat(laidOut[0]).as("the same rows again").isZero();
    assertThat(laidOut[1]).as("one new text, its new characters").isLessThan(20);
    assertThat(widths[0]).isEqualTo(widths[1]);
  }
}
