package org.vfioworkbench.ui.actions;

import javafx.scene.Node;
import org.vfioworkbench.ui.common.Copyable;

/** Finds what Edit › Copy copies: the first {@link Copyable} from the focused node upwards. */
public final class FocusedCopy {

  private FocusedCopy() {}

  /** The {@link Copyable} {@code focus} is in (itself or an ancestor), or null. */
  public static Copyable of(Node focus) {
    for (Node n = focus; n != null; n = n.getParent()) {
      if (n instanceof Copyable c) {
        return c;
      }
    }
    return null;
  }

  /** The text to copy for {@code focus}; empty when no view there has anything selected. */
  public static String textAt(Node focus) {
    Copyable c = of(focus);
    if (c == null) {
      return "";
    }
    String t = c.copyText();
    return t == null ? "" : t;
  }
}
