package org.vfioworkbench.ui.graph.skin;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Installs a tooltip on first hover: a big host has thousands of chips, and a Tooltip per chip made
 * up front costs seconds at open.
 */
final class LazyTooltip {

  private LazyTooltip() {}

  static void install(Node node, Supplier<String> text) {
    EventHandler<MouseEvent>[] once = new EventHandler[1];
    once[0] =
        e -> {
          node.removeEventHandler(MouseEvent.MOUSE_ENTERED, once[0]);
          Tooltip.install(node, new Tooltip(text.get()));
        };
    node.addEventHandler(MouseEvent.MOUSE_ENTERED, once[0]);
  }
}
