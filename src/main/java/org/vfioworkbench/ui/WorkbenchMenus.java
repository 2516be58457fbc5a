package org.vfioworkbench.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.util.StringConverter;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.docking.WorkbenchDocking;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.files.BundledSamples;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.kernel.DropTarget;
import org.vfioworkbench.ui.state.WorkbenchState;

/** The menu bar and the toolbar, with keyboard shortcuts for every action. */
final class WorkbenchMenus {

  private final WorkbenchState state;
  private final WorkbenchActions actions;
  private final WorkbenchViews views;
  private final WorkbenchDocking docking;
  private final Runnable quit;
  private final java.util.function.Consumer<Theme> theme;

  WorkbenchMenus(
      WorkbenchState state,
      WorkbenchActions actions,
      WorkbenchViews views,
      WorkbenchDocking docking,
      Runnable quit,
      java.util.function.Consumer<Theme> theme) {
    this.state = state;
    this.actions = actions;
    this.views = views;
    this.docking = docking;
    this.quit = quit;
    this.theme = theme;
  }

  MenuBar menuBar() {
    return new MenuBar(file(), edit(), view(), analysis());
  }

  private Menu file() {
    MenuItem newDoc = item("_New", "Shortcut+N", actions::newDocument);
    MenuItem open = item("_Open\u2026", "Shortcut+O", actions::open);
    MenuItem save = item("_Save", "Shortcut+S", actions::save);
    MenuItem saveAs = item("Save _As\u2026", "Shortcut+Shift+S", actions::saveAs);
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
    java.util.List<Sample> bundled = BundledSamples.list();
    if (!bundled.isEmpty()) {
      samples.getItems().add(new SeparatorMenuItem());
      bundled.forEach(s -> samples.getItems().add(sampleItem(s)));
    }
    MenuItem png = item("Export graph as _PNG\u2026", "Shortcut+E", actions::exportPng);
    MenuItem svg = item("Export graph as S_VG\u2026", "Shortcut+Shift+E", actions::exportSvg);
    MenuItem report = item("Export _report\u2026", "Shortcut+Shift+R", actions::exportReport);
    MenuItem exit = item("_Quit", "Shortcut+Q", quit);
    MenuItem attach =
        item("_Attach to this host (read-only)", "Shortcut+Shift+H", actions::attachToHost);
    MenuItem rescan = item("Re-scan the _host", "F5", actions::refreshHost);
    CheckMenuItem every = new CheckMenuItem("Re-scan the host every 10 s");
    every.setSelected(actions.liveHost().refreshingProperty().get());
    every.setOnAction(e -> actions.refreshHostEvery(every.isSelected()));
    actions.liveHost().refreshingProperty().addListener((o, a, b) -> every.setSelected(b));
    Menu m =
        new Menu(
            "_File",
            null,
            newDoc,
            open,
            save,
            saveAs,
            recent,
            samples,
            new SeparatorMenuItem(),
            attach,
            rescan,
            every,
            new SeparatorMenuItem(),
            png,
            svg,
            report,
            new SeparatorMenuItem(),
            exit);
    return m;
  }

  private Menu edit() {
    MenuItem undo = item("_Undo", "Shortcut+Z", state::undo);
    undo.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    state.commands().canUndoProperty().get()
                        ? "_Undo " + state.commands().undoLabelProperty().get()
                        : "_Undo",
                state.commands().undoLabelProperty(),
                state.commands().canUndoProperty()));
    undo.disableProperty().bind(state.commands().canUndoProperty().not());
    MenuItem redo = item("_Redo", "Shortcut+Shift+Z", state::redo);
    redo.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    state.commands().canRedoProperty().get()
                        ? "_Redo " + state.commands().redoLabelProperty().get()
                        : "_Redo",
                state.commands().redoLabelProperty(),
                state.commands().canRedoProperty()));
    redo.disableProperty().bind(state.commands().canRedoProperty().not());
    MenuItem holder = item("New _holder\u2026", "Shortcut+H", actions::newHolder);
    Menu move = new Menu("_Move selected function to");
    move.setOnShowing(
        e -> {
          move.getItems().clear();
          for (DropTarget t : views.graphVm.targets()) {
            MenuItem i = new MenuItem(t.describe());
            i.setOnAction(x -> actions.moveSelected(t));
            move.getItems().add(i);
          }
        });
    move.getItems().add(new MenuItem("(select a function)"));
    return new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), holder, move);
  }

  private Menu view() {
    Menu m = new Menu("_View");
    for (ViewId v : ViewId.values()) {
      m.getItems()
          .add(
              item(
                  "Show " + v.title(),
                  v.shortcut().replace("Ctrl", "Shortcut"),
                  () -> docking.show(v)));
    }
    m.getItems().add(new SeparatorMenuItem());
    m.getItems().add(item("Zoom _in", "Shortcut+EQUALS", views.graph::zoomIn));
    m.getItems().add(item("Zoom _out", "Shortcut+MINUS", views.graph::zoomOut));
    m.getItems().add(item("_Fit graph", "Shortcut+0", views.graph::fit));
    m.getItems().add(new SeparatorMenuItem());
    CheckMenuItem dark = new CheckMenuItem("_Dark theme");
    dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
    dark.selectedProperty().addListener((o, a, b) -> theme.accept(b ? Theme.DARK : Theme.LIGHT));
    m.getItems().add(dark);
    return m;
  }

  private Menu analysis() {
    Menu profiles = new Menu("_Profile");
    ToggleGroup g = new ToggleGroup();
    for (Profile p : Profile.values()) {
      RadioMenuItem r = new RadioMenuItem(p.label());
      r.setToggleGroup(g);
      r.setSelected(p == state.profileProperty().get());
      r.setOnAction(e -> state.setProfile(p));
      state.profileProperty().addListener((o, a, b) -> r.setSelected(b == p));
      profiles.getItems().add(r);
    }
    Menu compare = new Menu("_Compare with");
    MenuItem off = item("_Off", "Shortcut+Shift+C", () -> state.compareProfileProperty().set(null));
    compare.getItems().add(off);
    for (Profile p : Profile.values()) {
      MenuItem i = new MenuItem(p.label());
      i.setOnAction(e -> state.compareProfileProperty().set(p));
      compare.getItems().add(i);
    }
    MenuItem lab =
        item("_Verify on a real kernel…", "Shortcut+Shift+K", actions::verifyOnRealKernel);
    return new Menu("_Analysis", null, profiles, compare, new SeparatorMenuItem(), lab);
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
    var undo = button("\u21b6 Undo", "Undo the last edit (Ctrl+Z)", state::undo);
    undo.disableProperty().bind(state.commands().canUndoProperty().not());
    var redo = button("\u21b7 Redo", "Redo (Ctrl+Shift+Z)", state::redo);
    redo.disableProperty().bind(state.commands().canRedoProperty().not());
    return new ToolBar(
        button("+ Holder", "New holder (Ctrl+H)", actions::newHolder),
        undo,
        redo,
        new javafx.scene.control.Separator(),
        button("\u2212", "Zoom out (Ctrl+-)", views.graph::zoomOut),
        button("+", "Zoom in (Ctrl+=)", views.graph::zoomIn),
        button("Fit", "Fit the graph to the view (Ctrl+0)", views.graph::fit),
        new javafx.scene.control.Separator(),
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

  private static javafx.scene.control.Button button(String text, String tip, Runnable r) {
    javafx.scene.control.Button b = new javafx.scene.control.Button(text);
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> r.run());
    b.setFocusTraversable(false);
    return b;
  }

  private MenuItem sampleItem(Sample s) {
    MenuItem m = new MenuItem(s.name());
    m.setMnemonicParsing(false);
    m.setOnAction(e -> actions.openSample(s));
    return m;
  }

  private static MenuItem item(String text, String keys, Runnable r) {
    MenuItem m = new MenuItem(text);
    if (keys != null) {
      m.setAccelerator(KeyCombination.keyCombination(keys));
    }
    m.setOnAction(e -> r.run());
    return m;
  }
}
