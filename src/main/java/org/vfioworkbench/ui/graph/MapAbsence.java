package org.vfioworkbench.ui.graph;

import javafx.css.PseudoClass;

/**
 * Why the overview map is not shown although the Map button is on, as the button's tooltip says it
 * (the button then has the {@code :waiting} pseudo-class); {@link #NONE} while it is shown or the
 * button is off.
 */
enum MapAbsence {
  NONE("An overview map in a corner where it covers nothing, when the graph does not fit"),
  GRAPH_FITS("Map on, not shown now: the whole graph is in view"),
  NO_FREE_CORNER(
      "Map on, not shown now: in every corner of the view it would cover a chip, a holder or a"
          + " caption. Pan or zoom out until a corner is free and it comes back; the scroll bars"
          + " say where the graph goes on");

  /** The Map button's look while its map waits. */
  static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");

  private final String tooltip;

  MapAbsence(String tooltip) {
    this.tooltip = tooltip;
  }

  String tooltip() {
    return tooltip;
  }
}
