package org.vfioworkbench.ui.common;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.TreeView;

/**
 * Fixes a tree's rows at the height they are drawn at, measured once from a row it shows.
 *
 * <p>A tree whose rows may differ in height measures a row again with a spare, off-screen cell
 * whenever the selection moves to a row it shows. That cell's text is clipped while it is empty and
 * unclipped once it shows a row, and setting a clip puts a new node into the scene. The new node
 * needs CSS after the pulse's CSS pass has run. JavaFX then runs one more pulse for that CSS alone.
 * With no node to repaint, that pulse repaints the whole window: 30–60 ms in the software pipeline
 * (`docs/performance.md`, "seventeenth pass"). With a fixed row height the tree never measures a
 * row, so a selection repaints the rows it changes and nothing else.
 *
 * <p>The height is read from the first row drawn with content, so it follows the theme's font and
 * padding rather than a number written here.
 */
public final class FixedRows {

  private FixedRows() {}

  /**
   * Fixes {@code tree}'s row height once it has drawn a row with content: after each layout pass of
   * the scene it is in (when its cells have their sizes) until then.
   */
  public static void measuredOnce(TreeView<?> tree) {
    // once fixed, the listener finds the height set and does nothing more
    PulseListeners.afterLayout(
        tree,
        () -> {
          if (tree.getFixedCellSize() <= 0) {
            double h = shownRowHeight(tree);
            if (h > 0) {
              tree.setFixedCellSize(h);
            }
          }
        });
  }

  /** The height of a row {@code tree} draws with content; 0 while it draws none. */
  static double shownRowHeight(TreeView<?> tree) {
    for (var n : tree.lookupAll(".tree-cell")) {
      if (n instanceof IndexedCell<?> c
          && !c.isEmpty()
          && c.isVisible()
          && c.getHeight() > 0
          && c.getWidth() > 0) {
        return c.getHeight();
      }
    }
    return 0;
  }
}
