package org.vfioworkbench.ui;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.controlsfx.control.action.Action;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.plan.GraphExport.Format;
import org.vfioworkbench.ui.actions.ActionIds;
import org.vfioworkbench.ui.actions.WorkbenchActionSet;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.docking.WorkbenchDocking;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.files.BundledSamples;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.kernel.DropTarget;
import org.vfioworkbench.ui.state.WorkbenchState;

/**
 * The menu bar and the toolbar, both made from the {@link WorkbenchActionSet}: every command is
 * defined once ({@link #defineActions}) and the menus list command ids, so an action defined later
 * (by another part of the workbench) appears in its menu at once.
 */
final class WorkbenchMenus {

  private final WorkbenchState state;
  private final WorkbenchActions actions;
  private final WorkbenchViews views;
  private final WorkbenchDocking docking;
  private final Runnable quit;
  private final Consumer<Theme> theme;
  private final WorkbenchActionSet set;

  WorkbenchMenus(
      WorkbenchState state,
      WorkbenchActions actions,
      WorkbenchViews views,
      WorkbenchDocking docking,
      Runnable quit,
      Consumer<Theme> theme,
      WorkbenchActionSet set) {
    this.state = state;
    this.actions = actions;
    this.views = views;
    this.docking = docking;
    this.quit = quit;
    this.theme = theme;
    this.set = set;
    defineActions();
  }

  /** Every command of the menus and the toolbar, once: text, accelerator, handler, state. */
  private void defineActions() {
    set.define(ActionIds.NEW, "_New", "Shortcut+N", actions::newDocument);
    set.define(ActionIds.OPEN, "_Open\u2026", "Shortcut+O", actions::open);
    set.define(ActionIds.SAVE, "_Save", "Shortcut+S", actions::save);
    set.define(ActionIds.SAVE_AS, "Save _As\u2026", "Shortcut+Shift+S", actions::saveAs);
    set.define(
        ActionIds.ATTACH_HOST,
        "_Attach to this host (read-only)",
        "Shortcut+Shift+H",
        actions::attachToHost);
    set.define(ActionIds.RESCAN_HOST, "Re-scan the _host", "F5", actions::refreshHost);
    set.define(
        ActionIds.EXPORT_PNG, "Export graph as _PNG\u2026", "Shortcut+E", actions::exportPng);
    set.define(
        ActionIds.EXPORT_SVG, "Export graph as S_VG\u2026", "Shortcut+Shift+E", actions::exportSvg);
    set.define(
        ActionIds.EXPORT_DOT,
        "Export graph as _DOT\u2026",
        null,
        () -> actions.exportHostGraph(Format.DOT));
    set.define(
        ActionIds.EXPORT_GRAPHML,
        "Export graph as Graph_ML\u2026",
        null,
        () -> actions.exportHostGraph(Format.GRAPHML));
    set.define(
        ActionIds.EXPORT_REPORT, "Export _report\u2026", "Shortcut+Shift+R", actions::exportReport);
    set.define(ActionIds.QUIT, "_Quit", "Shortcut+Q", quit);

    Action undo = set.define(ActionIds.UNDO, "_Undo", "Shortcut+Z", state::undo);
    undo.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    state.commands().canUndoProperty().get()
                        ? "_Undo " + state.commands().undoLabelProperty().get()
                        : "_Undo",
                state.commands().undoLabelProperty(),
                state.commands().canUndoProperty()));
    undo.disabledProperty().bind(state.commands().canUndoProperty().not());
    Action redo = set.define(ActionIds.REDO, "_Redo", "Shortcut+Shift+Z", state::redo);
    redo.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    state.commands().canRedoProperty().get()
                        ? "_Redo " + state.commands().redoLabelProperty().get()
                        : "_Redo",
                state.commands().redoLabelProperty(),
                state.commands().canRedoProperty()));
    redo.disabledProperty().bind(state.commands().canRedoProperty().not());
    set.define(ActionIds.COPY, "_Copy", "Shortcut+C", actions::copy);
    Action delete = set.define(ActionIds.DELETE, "_Delete", "Delete", actions::deleteSelected);
    delete
        .disabledProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> actions.removal().isEmpty(),
                state.selectionProperty(),
                state.topologyProperty(),
                state.readOnlyProperty()));
    set.define(ActionIds.NEW_HOLDER, "New _holder\u2026", "Shortcut+H", actions::newHolder);

    for (ViewId v : ViewId.values()) {
      set.define(
          ActionIds.showView(v.name()),
          "Show " + v.title(),
          v.shortcut().replace("Ctrl", "Shortcut"),
          () -> docking.show(v));
    }
    set.define(ActionIds.ZOOM_IN, "Zoom _in", "Shortcut+EQUALS", views.graph::zoomIn);
    set.define(ActionIds.ZOOM_OUT, "Zoom _out", "Shortcut+MINUS", views.graph::zoomOut);
    set.define(ActionIds.FIT, "_Fit graph", "Shortcut+0", views.graph::fit);
    Action dark = set.defineToggle(ActionIds.DARK_THEME, "_Dark theme", "Shortcut+Shift+D");
    dark.selectedProperty().addListener((o, a, b) -> theme.accept(b ? Theme.DARK : Theme.LIGHT));

    set.define(
        ActionIds.COMPARE_OFF,
        "_Off",
        "Shortcut+Shift+C",
        () -> state.compareProfileProperty().set(null));
    set.define(
        ActionIds.VERIFY_ON_KERNEL,
        "_Verify on a real kernel\u2026",
        "Shortcut+Shift+K",
        actions::verifyOnRealKernel);
    set.define(ActionIds.RESET_PERSPECTIVE, "_Reset Perspective", null, actions::resetPerspective);
    set.define(
        ActionIds.SHORTCUTS, "_Keyboard Shortcuts", "Shortcut+Shift+SLASH", actions::shortcuts);
    set.define(ActionIds.DOCS, "_Documentation", null, actions::documentation);
    set.define(ActionIds.ABOUT, "_About VFIO Workbench", null, actions::about);
  }

  MenuBar menuBar() {
    return new MenuBar(file(), edit(), view(), analysis(), window(), help());
  }

  /**
   * {@code m} shows {@code entries} (command ids, {@code null} for a separator, or menu items of
   * its own), filled again whenever a command is defined.
   */
  private Menu menu(String text, Object... entries) {
    Menu m = new Menu(text);
    Runnable fill =
        () -> {
          m.getItems().clear();
          boolean separate = false;
          for (Object e : entries) {
            if (e == null) {
              separate = !m.getItems().isEmpty();
              continue;
            }
            MenuItem item;
            if (e instanceof MenuItem own) {
              item = own;
            } else {
              if (set.find((String) e).isEmpty()) {
                continue;
              }
              item = set.menuItem((String) e);
            }
            if (separate) {
              m.getItems().add(new SeparatorMenuItem());
              separate = false;
            }
            m.getItems().add(item);
          }
        };
    fill.run();
    set.onDefined(fill);
    return m;
  }

  private Menu file() {
    Menu recent = new Menu("_Recent files");
    recent.getItems().add(new MenuItem("(none)"));
    recent.setOnShowing(
        e -> {
          recent.getItems().clear();
          for (java.nio.file.Path p : actions.recentFiles()) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false);
            m.setOnAction(x -> actions.openRecent(p));
            recent.getItems().add(m);
          }
          if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recent.getItems().add(none);
          }
        });
    Menu samples = new Menu("Sa_mples");
    for (Sample s : BuiltInSamples.all()) {
      samples.getItems().add(sampleItem(s));
    }
    java.util.List<Sample> bundled = BundledSamples.others();
    if (!bundled.isEmpty()) {
      samples.getItems().add(new SeparatorMenuItem());
      bundled.forEach(s -> samples.getItems().add(sampleItem(s)));
    }
    javafx.scene.control.CheckMenuItem every =
        new javafx.scene.control.CheckMenuItem("Re-scan the host every 10 s");
    every.setSelected(actions.liveHost().refreshingProperty().get());
    every.setOnAction(e -> actions.refreshHostEvery(every.isSelected()));
    actions.liveHost().refreshingProperty().addListener((o, a, b) -> every.setSelected(b));
    return menu(
        "_File",
        ActionIds.NEW,
        ActionIds.OPEN,
        ActionIds.SAVE,
        ActionIds.SAVE_AS,
        recent,
        samples,
        null,
        ActionIds.ATTACH_HOST,
        ActionIds.RESCAN_HOST,
        every,
        null,
        ActionIds.EXPORT_REPORT,
        ActionIds.EXPORT_PNG,
        ActionIds.EXPORT_SVG,
        ActionIds.EXPORT_DOT,
        ActionIds.EXPORT_GRAPHML,
        null,
        ActionIds.QUIT);
  }

  private Menu edit() {
    Menu move = new Menu("_Move selected function to");
    move.setOnShowing(
        e -> {
          move.getItems().clear();
          for (DropTarget t : views.graphVm.targets()) {
            MenuItem i = new MenuItem(t.describe());
            i.setMnemonicParsing(false);
            i.setOnAction(x -> actions.moveSelected(t));
            move.getItems().add(i);
          }
        });
    move.getItems().add(new MenuItem("(select a function)"));
    return menu(
        "_Edit",
        ActionIds.UNDO,
        ActionIds.REDO,
        null,
        ActionIds.COPY,
        ActionIds.DELETE,
        null,
        ActionIds.NEW_HOLDER,
        move);
  }

  private Menu view() {
    java.util.List<Object> entries = new java.util.ArrayList<>();
    for (ViewId v : ViewId.values()) {
      entries.add(ActionIds.showView(v.name()));
    }
    entries.add(null);
    entries.add(ActionIds.ZOOM_IN);
    entries.add(ActionIds.ZOOM_OUT);
    entries.add(ActionIds.FIT);
    entries.add(null);
    entries.add(ActionIds.DARK_THEME);
    return menu("_View", entries.toArray());
  }

  private Menu analysis() {
    Menu profiles = new Menu("_Profile");
    ToggleGroup g = new ToggleGroup();
    for (Profile p : Profile.values()) {
      RadioMenuItem r = new RadioMenuItem(p.label());
      r.setMnemonicParsing(false);
      r.setToggleGroup(g);
      r.setSelected(p == state.profileProperty().get());
      r.setOnAction(e -> state.setProfile(p));
      state.profileProperty().addListener((o, a, b) -> r.setSelected(b == p));
      profiles.getItems().add(r);
    }
    Menu compare = new Menu("_Compare with");
    compare.getItems().add(set.menuItem(ActionIds.COMPARE_OFF));
    for (Profile p : Profile.values()) {
      MenuItem i = new MenuItem(p.label());
      i.setMnemonicParsing(false);
      i.setOnAction(e -> state.compareProfileProperty().set(p));
      compare.getItems().add(i);
    }
    return menu("_Analysis", profiles, compare, null, ActionIds.VERIFY_ON_KERNEL);
  }

  private Menu window() {
    return menu("_Window", ActionIds.RESET_PERSPECTIVE);
  }

  private Menu help() {
    Menu m = menu("_Help", ActionIds.SHORTCUTS, ActionIds.DOCS, null, ActionIds.ABOUT);
    m.setId("help-menu");
    return m;
  }

  ToolBar toolBar() {
    ComboBox<Profile> profile = profileBox(false);
    profile.setValue(state.profileProperty().get());
    state.profileProperty().addListener((o, a, b) -> profile.setValue(b));
    profile
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && b != state.profileProperty().get()) {
                state.setProfile(b);
                profile.setValue(state.profileProperty().get());
              }
            });
    profile.setTooltip(
        new Tooltip("Semantics profile: which kernel's (or design's) rules the engine applies"));
    profile.setId("profile-switcher");
    ComboBox<Profile> compare = profileBox(true);
    compare.valueProperty().bindBidirectional(state.compareProfileProperty());
    compare.setTooltip(
        new Tooltip(
            "Compare mode: mark on the graph (orange) and in the tables what"
                + " changes under a second profile"));
    return new ToolBar(
        set.button(ActionIds.NEW_HOLDER, "+ Holder"),
        set.button(ActionIds.UNDO, "\u21b6 Undo"),
        set.button(ActionIds.REDO, "\u21b7 Redo"),
        new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
        set.button(ActionIds.ZOOM_OUT, "\u2212"),
        org.vfioworkbench.ui.graph.ZoomReadout.of(views.graph),
        set.button(ActionIds.ZOOM_IN, "+"),
        set.button(ActionIds.FIT, "Fit"),
        new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
        new javafx.scene.control.Label("Profile"),
        profile,
        new javafx.scene.control.Label("Compare"),
        compare);
  }

  private static ComboBox<Profile> profileBox(boolean withOff) {
    ComboBox<Profile> box = new ComboBox<>();
    if (withOff) {
      box.getItems().add(null);
    }
    box.getItems().addAll(Profile.values());
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Profile p) {
            return p == null ? "off" : p.id();
          }

          @Override
          public Profile fromString(String s) {
            return Profile.byId(s).orElse(null);
          }
        });
    return box;
  }

  private MenuItem sampleItem(Sample s) {
    MenuItem m = new MenuItem(s.name());
    m.setMnemonicParsing(false);
    m.setOnAction(e -> actions.openSample(s));
    return m;
  }
}
