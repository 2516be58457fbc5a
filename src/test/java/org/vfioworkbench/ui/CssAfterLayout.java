package org.vfioworkbench.ui;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * For the benchmark ({@code -Dbench.cssAfterLayout=true}) and the tests: counts the pulses that end
 * their layout with some node still needing CSS, by what the benchmark was doing and by which node.
 * JavaFX then runs one more pulse for that CSS alone, and with nothing to repaint that pulse
 * repaints the whole window (performance.md, seventeenth pass). Reads JavaFX's private CSS flag.
 */
public final class CssAfterLayout {

  private final Map<String, Integer> seen = new TreeMap<>();
  private final Field flag;

  private CssAfterLayout() {
    try {
      flag = Node.class.getDeclaredField("cssFlag");
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("this JavaFX has no CSS flag on its nodes to read", e);
    }
    flag.setAccessible(true);
  }

  /**
   * Watches {@code scene} after every layout pass; {@code doing} names the step under way. Call on
   * the FX thread.
   */
  public static CssAfterLayout on(Scene scene, Supplier<String> doing) {
    CssAfterLayout w = new CssAfterLayout();
    scene.addPostLayoutPulseListener(
        () -> {
          if (w.dirty(scene.getRoot())) {
            StringBuilder where = new StringBuilder();
            w.leaf(scene.getRoot(), where);
            w.seen.merge(doing.get() + " | " + where, 1, Integer::sum);
          }
        });
    return w;
  }

  /** Each step and node seen, with how many pulses. */
  public Map<String, Integer> seen() {
    return seen;
  }

  private boolean dirty(Node n) {
    try {
      return !"CLEAN".equals(String.valueOf(flag.get(n)));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first node down the dirty path with no dirty child, and its nearest styled ancestors. */
  private void leaf(Node n, StringBuilder out) {
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        if (dirty(c)) {
          leaf(c, out);
          return;
        }
      }
    }
    out.append(n.getClass().getSimpleName()).append(n.getStyleClass());
    int named = 0;
    for (Parent p = n.getParent(); p != null && named < 4; p = p.getParent()) {
      if (!p.getStyleClass().isEmpty()) {
        out.append(" < ").append(p.getClass().getSimpleName()).append(p.getStyleClass());
        if (p.getId() != null) {
          out.append('#').append(p.getId());
        }
        named++;
      }
    }
  }
}
