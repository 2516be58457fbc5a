package org.vfioworkbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.vfioworkbench.ui.docking.DockLayout;
import org.vfioworkbench.ui.docking.WorkbenchDocking;
import org.vfioworkbench.ui.files.RecentFiles;
import org.vfioworkbench.ui.kernel.KernelEdits;
import org.vfioworkbench.ui.state.UiExecutor;
import org.vfioworkbench.ui.state.WorkbenchState;

/**
 * The main window: menus and toolbar, the docked views over one {@link WorkbenchState}, and the
 * status bar. The title shows the document and unsaved changes; closing with unsaved changes asks.
 */
public final class WorkbenchWindow {

  private final Stage stage;
  private final WorkbenchState state;
  private final WorkbenchViews views;
  private final WorkbenchDocking docking;
  private final Path layoutFile;
  private final Scene scene;
  private final WorkbenchActions actions;

  public WorkbenchWindow(Stage stage, Path configDir) {
    this(stage, configDir, new FxUiExecutor());
  }

  WorkbenchWindow(Stage stage, Path configDir, UiExecutor executor) {
    this.stage = stage;
    this.state = new WorkbenchState(executor);
    this.layoutFile = configDir.resolve("layout.properties");
    this.views = new WorkbenchViews(state, KernelEdits.engine());
    this.docking = new WorkbenchDocking(views::view, DockLayout.load(layoutFile));
    StatusBar status = new StatusBar(state);
    actions = new WorkbenchActions(state, views, stage, status, new RecentFiles(configDir));
    WorkbenchMenus menus = new WorkbenchMenus(state, actions, views, docking, this::close, this::theme);
    views.graphVm.messageProperty().addListener((o, a, b) -> status.say(b));
    views.propertiesVm.messageProperty().addListener((o, a, b) -> status.say(b));
    state.refusedEditProperty().addListener((o, a, b) -> {
      if (!b.isEmpty()) {
        status.say(b);
      }
    });
    BorderPane root = new BorderPane(docking.node());
    root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
    root.setBottom(status);
    root.getStyleClass().add("workbench");
    scene = new Scene(root, 1500, 920);
    scene.getStylesheets().add(WorkbenchWindow.class.getResource("workbench.css").toExternalForm());
    theme(Theme.LIGHT);
    stage.setScene(scene);
    stage.titleProperty().bind(Bindings.createStringBinding(
        () -> (state.isDirty() ? "*" : "") + state.documentNameProperty().get() + " \u2014 VFIO Workbench",
        state.dirtyProperty(), state.documentNameProperty()));
    stage.setOnCloseRequest(e -> {
      if (!actions.confirmDiscard()) {
        e.consume();
      } else {
        saveLayout();
      }
    });
    stage.setOnShown(e -> docking.applyDividers());
  }

  private void theme(Theme t) {
    t.apply(scene);
  }

  private void close() {
    stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
    if (stage.isShowing() && !state.isDirty()) {
      stage.close();
    }
  }

  /** Writes the docking layout for the next run; a failure is reported, never fatal. */
  public void saveLayout() {
    try {
      docking.snapshot().save(layoutFile);
    } catch (IOException e) {
      System.getLogger("vfio-workbench").log(System.Logger.Level.WARNING,
          "could not save the window layout to " + layoutFile + ": " + e.getMessage());
    }
  }

  public WorkbenchState state() {
    return state;
  }

  public Scene scene() {
    return scene;
  }

  public Stage stage() {
    return stage;
  }

  /** Opens a sample (no questions asked about unsaved edits: used at start). */
  public void openSample(org.vfioworkbench.ui.files.Sample s) {
    actions.openSample(s);
  }

  /** Opens a scenario file; a broken file is reported in a dialog. */
  public void openFile(Path file) {
    actions.openFile(file);
  }

  public void fitGraph() {
    views.graph.fit();
  }

  /** Brings a docked view to the front (shown again if it was closed). */
  public void showView(org.vfioworkbench.ui.docking.ViewId view) {
    docking.show(view);
  }
}
