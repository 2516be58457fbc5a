package org.vfioworkbench.ui.common;

import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Scene pulse listeners that follow a node from scene to scene: registered with the scene the node
 * is in, and moved when it moves to another.
 */
final class PulseListeners {

  private PulseListeners() {}

  /** Runs {@code r} at the start of every pulse of the node's scene, before its CSS pass. */
  static void beforeCss(Node node, Runnable r) {
    follow(node, r, Scene::addPreLayoutPulseListener, Scene::removePreLayoutPulseListener);
  }

  /** Runs {@code r} in every pulse of the node's scene once its layout pass is done. */
  static void afterLayout(Node node, Runnable r) {
    follow(node, r, Scene::addPostLayoutPulseListener, Scene::removePostLayoutPulseListener);
  }

  private static void follow(
      Node node, Runnable r, BiConsumer<Scene, Runnable> add, BiConsumer<Scene, Runnable> remove) {
    node.sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (was != null) {
                remove.accept(was, r);
              }
              if (now != null) {
                add.accept(now, r);
              }
            });
    if (node.getScene() != null) {
      add.accept(node.getScene(), r);
    }
  }
}
