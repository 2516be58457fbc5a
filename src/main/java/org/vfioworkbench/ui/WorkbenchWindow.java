package org.vfioworkbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.vfioworkbench.ui.actions.ActionIds;
import org.vfioworkbench.ui.actions.WorkbenchActionSet;
import org.vfioworkbench.ui.docking.DockLayout;
import org.vfioworkbench.ui.docking.WorkbenchDocking;
import org.vfioworkbench.ui.files.RecentFiles;
import org.vfioworkbench.ui.livehost.LiveHostView;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.FxTaskExecutor;
import org.vfioworkbench.ui.task.TaskExecutor;
import org.vfioworkbench.ui.task.TaskFailure;

/**
 * The main window: menus and toolbar, the docked views over one {@link WorkbenchState}, and the
 * status bar. The title shows the document and unsaved changes; closing with unsaved changes asks.
 * Background work that fails without a handler of its own is said in the status bar and in a
 * notification.
 */
public final class WorkbenchWindow {

  private final Stage stage;
  private final WorkbenchState state;
  private final WorkbenchViews views;
  private final WorkbenchDocking docking;
  private final Path layoutFile;
  private final Scene scene;
  private final WorkbenchActions actions;
  private final StatusBar status;
  private final WorkbenchActionSet actionSet = new WorkbenchActionSet();

  public WorkbenchWindow(Stage stage, Path configDir) {
    this(stage, configDir, new FxTaskExecutor());
  }

  WorkbenchWindow(Stage stage, Path configDir, TaskExecutor executor) {
    this(stage, configDir, executor, LiveHostView.thisHost(), UnsavedChangesQuestion.dialog(stage));
  }

  WorkbenchWindow(
      Stage stage,
      Path configDir,
      TaskExecutor executor,
      java.util.function.Supplier<LiveHostView.HostWatch> hosts,
      UnsavedChangesQuestion unsaved) {
    this.stage = stage;
    this.state = new WorkbenchState(executor);
    this.layoutFile = configDir.resolve("layout.properties");
    this.views = new WorkbenchViews(state);
    this.docking = new WorkbenchDocking(views::view, DockLayout.load(layoutFile));
    status = new StatusBar(state);
    executor.onFailure(this::failed);
    actions =
        new WorkbenchActions(
            state,
            views,
            stage,
            status,
            new RecentFiles(configDir),
            unsaved,
            hosts,
            actionSet,
            docking);
    WorkbenchMenus menus =
        new WorkbenchMenus(state, actions, views, docking, this::close, this::theme, actionSet);
    graphContextMenu();
    views.graphVm.messageProperty().addListener((o, a, b) -> status.say(b));
    state.historyMessageProperty().addListener((o, a, b) -> status.say(b));
    views.propertiesVm.messageProperty().addListener((o, a, b) -> status.say(b));
    state
        .refusedEditProperty()
        .addListener(
            (o, a, b) -> {
              if (!b.isEmpty()) {
                status.say(b);
              }
            });
    BorderPane root = new BorderPane(docking.node());
    root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
    root.setBottom(status);
    root.getStyleClass().add("workbench");
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    scene =
        new Scene(
            root, Math.min(1500, screen.getWidth() - 16), Math.min(920, screen.getHeight() - 40));
    stage.setMinWidth(Math.min(800, screen.getWidth()));
    stage.setMinHeight(Math.min(560, screen.getHeight()));
    scene.getStylesheets().add(WorkbenchWindow.class.getResource("workbench.css").toExternalForm());
    theme(Theme.LIGHT);
    stage.setScene(scene);
    stage
        .titleProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    (state.isDirty() ? "*" : "")
                        + state.documentNameProperty().get()
                        + " \u2014 VFIO Workbench",
                state.dirtyProperty(),
                state.documentNameProperty()));
    stage.setOnCloseRequest(
        e -> {
          if (!actions.confirmDiscard()) {
            e.consume();
          } else {
            saveLayout();
            actions.liveHost().detach();
          }
        });
    stage.setOnShown(e -> docking.applyDividers());
  }

  private void theme(Theme t) {
    t.apply(scene);
  }

  /**
   * File › Quit: asks about unsaved changes; Save or Discard closes the window, Cancel keeps it.
   */
  void close() {
    if (actions.confirmDiscard()) {
      saveLayout();
      actions.liveHost().detach();
      stage.close();
    }
  }

  /** A background task failed and nobody else said so: the status bar and a notification. */
  private void failed(TaskFailure f) {
    status.say(f.message());
    if (!stage.isShowing()) {
      return;
    }
    try {
      org.controlsfx.control.Notifications.create()
          .owner(stage)
          .title(f.task() + " failed")
          .text(f.message())
          .hideAfter(javafx.util.Duration.seconds(8))
          .showError();
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(WorkbenchWindow.class.getName())
          .log(java.util.logging.Level.WARNING, "could not show a notification", e);
    }
  }

  /** Writes the docking layout for the next run; a failure is reported, never fatal. */
  public void saveLayout() {
    try {
      docking.snapshot().save(layoutFile);
    } catch (IOException e) {
      System.getLogger("vfio-workbench")
          .log(
              System.Logger.Level.WARNING,
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

  /**
   * Opens a scenario file or a capture in the background; a broken file is reported in a dialog.
   */
  public void openFile(Path file) {
    actions.openFile(file);
  }

  WorkbenchActions actions() {
    return actions;
  }

  /**
   * The graph's context menu, on every chip and on the background: the shared Copy and Delete of
   * the element a press selected, Fit and Export report.
   */
  private void graphContextMenu() {
    javafx.scene.control.ContextMenu menu =
        actionSet.contextMenu(
            ActionIds.COPY, ActionIds.DELETE, null, ActionIds.FIT, ActionIds.EXPORT_REPORT);
    views.graph.setOnContextMenuRequested(
        e -> {
          menu.show(views.graph, e.getScreenX(), e.getScreenY());
          e.consume();
        });
  }

  /**
   * The workbench's commands, one ControlsFX {@code Action} per id: menus and toolbar are made from
   * it, context menus of views can reuse them ({@code actionSet().contextMenu(ActionIds.COPY, …)}),
   * and a command defined here later appears in its menu at once.
   */
  public WorkbenchActionSet actionSet() {
    return actionSet;
  }

  /**
   * Opens {@code s} with the window already shown: the sample is read in the background and the
   * status bar says so meanwhile (used at start, so the first frame does not wait for it).
   */
  public void openSampleInBackground(org.vfioworkbench.ui.files.Sample s) {
    actions.openSampleInBackground(s);
  }

  /** How Help › Documentation hands a page to the desktop's browser (the app's HostServices). */
  public void setBrowser(java.util.function.Consumer<String> browser) {
    actions.setBrowser(browser);
  }

  /** The views (for tests). */
  WorkbenchViews views() {
    return views;
  }

  /** The docking area (for the layout tests). */
  WorkbenchDocking docking() {
    return docking;
  }

  /** The status bar's message, as shown. */
  String statusMessage() {
    return status.message();
  }

  public void fitGraph() {
    views.graph.fit();
  }

  /** Brings a docked view to the front (shown again if it was closed). */
  public void showView(org.vfioworkbench.ui.docking.ViewId view) {
    docking.show(view);
  }
}
