package org.vfioworkbench.ui.graph.skin;

import javafx.scene.Node;

/**
 * The name a graph skin is found by in tests, probes and the benchmark ({@code fn-0000:03:00.1},
 * {@code fd-qemu-33-8}, {@code group-lane-qemu-33}, {@code expander-0000:00:01.0}). It is kept in
 * the node's properties, not in its CSS id: JavaFX keys its style cache by a node's id among its
 * classes ({@code StyleManager.Key}), so a unique id on every chip made each new chip match the
 * style sheets from scratch (most of an expand's CSS on the 2,000-function host), and every id ever
 * shown stayed in that cache.
 */
public final class SkinName {

  private static final String KEY = "vfio-workbench.skin-name";

  private SkinName() {}

  /** Names {@code n}; returns it. */
  public static <N extends Node> N set(N n, String name) {
    n.getProperties().put(KEY, name);
    return n;
  }

  /** The name of {@code n}, or null when it has none. */
  public static String of(Node n) {
    return n.getProperties().get(KEY) instanceof String s ? s : null;
  }
}
