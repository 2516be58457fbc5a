package org.vfioworkbench.ui.actions;

/**
 * The ids of the workbench's commands. A menu lists ids; an id no action was defined for is left
 * out, so a command is added with one {@link WorkbenchActionSet#define} line.
 */
public final class ActionIds {

  public static final String NEW = "file.new";
  public static final String OPEN = "file.open";
  public static final String SAVE = "file.save";
  public static final String SAVE_AS = "file.save-as";
  public static final String ATTACH_HOST = "file.attach-host";
  public static final String RESCAN_HOST = "file.rescan-host";
  public static final String EXPORT_REPORT = "file.export-report";
  public static final String EXPORT_PNG = "file.export-png";
  public static final String EXPORT_SVG = "file.export-svg";
  public static final String EXPORT_DOT = "file.export-dot";
  public static final String EXPORT_GRAPHML = "file.export-graphml";
  public static final String QUIT = "file.quit";

  public static final String UNDO = "edit.undo";
  public static final String REDO = "edit.redo";
  public static final String COPY = "edit.copy";
  public static final String DELETE = "edit.delete";
  public static final String NEW_HOLDER = "edit.new-holder";

  public static final String ZOOM_IN = "view.zoom-in";
  public static final String ZOOM_OUT = "view.zoom-out";
  public static final String FIT = "view.fit";
  public static final String DARK_THEME = "view.dark-theme";

  public static final String COMPARE_OFF = "analysis.compare-off";
  public static final String VERIFY_ON_KERNEL = "analysis.verify-on-kernel";

  public static final String RESET_PERSPECTIVE = "window.reset-perspective";

  public static final String SHORTCUTS = "help.shortcuts";
  public static final String DOCS = "help.docs";
  public static final String ABOUT = "help.about";

  /** The action that shows the docked view {@code viewName} (a {@code ViewId} name). */
  public static String showView(String viewName) {
    return "view.show." + viewName.toLowerCase(java.util.Locale.ROOT);
  }

  private ActionIds() {}
}
