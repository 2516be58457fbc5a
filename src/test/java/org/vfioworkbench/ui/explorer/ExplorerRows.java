package org.vfioworkbench.ui.explorer;

import javafx.scene.control.TreeItem;

/** Test helper: finds an Explorer row by the start of its label. */
final class ExplorerRows {

  private ExplorerRows() {}

  /** The first row, depth first below {@code at}, whose label starts with {@code prefix}. */
  static TreeItem<?> find(TreeItem<?> at, String prefix) {
    if (at.getValue() instanceof TreeEntry e && e.label().startsWith(prefix)) {
      return at;
    }
    for (TreeItem<?> c : at.getChildren()) {
      TreeItem<?> f = find(c, prefix);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
