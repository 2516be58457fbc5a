package org.vfioworkbench.ui.common;

import javafx.beans.Observable;
import javafx.scene.Parent;

/**
 * Lays a virtualised control (a table, a list) out at the start of the pulse after its content
 * changed, before that pulse's CSS pass, instead of in its layout pass.
 *
 * <p>A {@code VirtualFlow} fills its cells with their new rows while it lays out, and a cell whose
 * row changes its style classes or pseudo-classes needs CSS. The flow styles that cell at once
 * ({@code applyCss}), but the cell's parents stay marked as holding a node that needs CSS, and the
 * scene's root with them. JavaFX then runs one more pulse for that CSS alone; it changes nothing,
 * and with no dirty region Prism repaints the whole window (`docs/performance.md`, eighteenth pass;
 * ADR 12's addendum). Laid out before the CSS pass, the same marks are cleared by that pass, and
 * the pulse paints only the rows that changed.
 */
public final class LaidOutBeforeCss {

  private LaidOutBeforeCss() {}

  /**
   * Lays {@code control} out before the CSS pass of the first pulse after each change of {@code
   * content} (its items), while it is in a scene.
   */
  public static void after(Parent control, Observable content) {
    boolean[] changed = new boolean[1];
    content.addListener(o -> changed[0] = true);
    // a pulse with no change does nothing
    PulseListeners.beforeCss(
        control,
        () -> {
          if (changed[0]) {
            changed[0] = false;
            control.layout();
          }
        });
  }
}
