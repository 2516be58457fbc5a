package org.vfioworkbench.ui.docking;

/** The workbench's docked views, with fixed ids and default places. */
public enum ViewId {
  EXPLORER("explorer", "Topology Explorer", Region.LEFT, "Ctrl+1"),
  GRAPH("graph", "Topology graph", Region.CENTER, "Ctrl+2"),
  PROPERTIES("properties", "Properties", Region.RIGHT, "Ctrl+3"),
  INFO("info", "INFO", Region.BOTTOM, "Ctrl+4"),
  OUTCOMES("outcomes", "Reset outcomes", Region.BOTTOM_RIGHT, "Ctrl+5"),
  TRACE("trace", "Trace", Region.BOTTOM, "Ctrl+6"),
  PROBLEMS("problems", "Problems", Region.BOTTOM_RIGHT, "Ctrl+7"),
  EXPLAIN("explain", "Why not, and how to fix it", Region.BOTTOM, "Ctrl+8");

  /** The fixed dock areas. */
  public enum Region {
    LEFT,
    CENTER,
    RIGHT,
    BOTTOM,
    BOTTOM_RIGHT
  }

  private final String id;
  private final String title;
  private final Region home;
  private final String shortcut;

  ViewId(String id, String title, Region home, String shortcut) {
    this.id = id;
    this.title = title;
    this.home = home;
    this.shortcut = shortcut;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public Region home() {
    return home;
  }

  public String shortcut() {
    return shortcut;
  }
}
