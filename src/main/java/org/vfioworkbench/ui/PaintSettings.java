package org.vfioworkbench.ui;

/**
 * How the workbench asks JavaFX to paint, set before JavaFX starts (Prism reads these once).
 *
 * <p>A selection changes several views at once: the graph, the Explorer's row, Properties, INFO and
 * the status bar. Prism keeps at most six separate dirty regions per frame and merges the rest into
 * their bounding boxes, which on a window with every view shown cover most of it, so a click
 * repainted nearly the whole window. Ten regions keep those views apart. Measured in alternating
 * runs (docs/performance.md, "Painting, fifteenth pass"): on a selection on the seed sample, render
 * CPU p50 17&ndash;18 ms with six against 13&ndash;17 with ten, and FX and render CPU p50 31.8
 * against 25.6 ms; on the 2,000- and 10,000-function hosts no step measurably slower. Fifteen
 * (Prism's maximum) helped the seed as much but made expand, collapse and undo/redo on the
 * 2,000-function host slower: each region is one more pass over the scene.
 */
public final class PaintSettings {

  /** Prism's system property for the most dirty regions it keeps apart in one frame. */
  static final String DIRTY_REGIONS = "prism.dirtyregioncount";

  /** The workbench's value of {@link #DIRTY_REGIONS} (Prism's default is 6). */
  static final String WORKBENCH_DIRTY_REGIONS = "10";

  private PaintSettings() {}

  /**
   * Sets the workbench's paint settings where the user has not set them (a {@code -D} given on the
   * command line wins). Call before JavaFX starts.
   */
  public static void apply() {
    if (System.getProperty(DIRTY_REGIONS) == null) {
      System.setProperty(DIRTY_REGIONS, WORKBENCH_DIRTY_REGIONS);
    }
  }
}
