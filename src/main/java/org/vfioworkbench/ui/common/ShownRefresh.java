package org.vfioworkbench.ui.common;

import java.util.Objects;
import javafx.scene.Node;

/**
 * A view model's refresh that runs only while its view is shown: a request made while the view is
 * hidden (a tab behind another, a closed view) only marks it stale, and the refresh runs once when
 * the view is shown again, before that frame is laid out. A view counts as shown while it is in a
 * scene: the docking area takes the nodes of hidden tabs out of the scene graph.
 */
public final class ShownRefresh {

  private final Runnable refresh;
  private boolean shown = true;
  private boolean stale;
  private int runs;

  /** A refresh that runs at once until {@link #setShown} says otherwise. */
  public ShownRefresh(Runnable refresh) {
    this.refresh = Objects.requireNonNull(refresh, "refresh");
  }

  /** Runs the refresh now when shown, else marks it stale. */
  public void request() {
    if (shown) {
      stale = false;
      runs++;
      refresh.run();
    } else {
      stale = true;
    }
  }

  /** Whether the view is shown; showing a stale view refreshes it. */
  public void setShown(boolean on) {
    shown = on;
    if (on && stale) {
      request();
    }
  }

  /** Runs a waiting refresh now, shown or not (for a copy of a hidden view's content). */
  public void flush() {
    if (stale) {
      stale = false;
      runs++;
      refresh.run();
    }
  }

  public boolean isShown() {
    return shown;
  }

  /** True while a request waits for the view to be shown. */
  public boolean isStale() {
    return stale;
  }

  /** How many times the refresh ran (for tests: hidden views compute nothing). */
  public int runs() {
    return runs;
  }

  /**
   * Ties {@code shown} to whether {@code view} is in a scene: hidden from the start when it is not
   * in one yet.
   */
  public static void follow(Node view, java.util.function.Consumer<Boolean> shown) {
    shown.accept(view.getScene() != null);
    view.sceneProperty().addListener((o, a, b) -> shown.accept(b != null));
  }
}
