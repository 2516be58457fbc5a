package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.actions.ActionIds;
import org.vfioworkbench.ui.actions.FocusedCopy;
import org.vfioworkbench.ui.common.Copyable;
import org.vfioworkbench.ui.docking.DockLayout;
import org.vfioworkbench.ui.docking.SplitRatios;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.help.KeyboardShortcuts;
import org.vfioworkbench.ui.help.Shortcut;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * The workbench's shell as a user meets it: menus made from one action per command, Delete and undo
 * with a status bar that tells the truth, Reset Perspective, a layout that adapts.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchShellTest extends FxTestBase {

  private Stage stage;
  private WorkbenchWindow window;
  private WorkbenchState state;
  private Path config;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    config = Files.createTempDirectory("wb-shell");
    window =
        new WorkbenchWindow(
            stage,
            config,
            TaskExecutor.currentThread(),
            org.vfioworkbench.ui.livehost.LiveHostView.thisHost(),
            name -> UnsavedChangesQuestion.Answer.DISCARD);
    state = window.state();
    window.openSample(WorkbenchApp.startSample());
    stage.setWidth(1500);
    stage.setHeight(920);
    stage.show();
  }

  private MenuBar menuBar() {
    return (MenuBar) ((BorderPane) window.scene().getRoot()).getTop().lookup(".menu-bar");
  }

  private Stream<MenuItem> items(String menu) {
    return menuBar().getMenus().stream()
        .filter(m -> m.getText().replace("_", "").equals(menu))
        .flatMap(m -> m.getItems().stream());
  }

  private static String text(MenuItem i) {
    return i.getText() == null ? "" : i.getText().replace("_", "");
  }

  @Test
  void menusShowTheAcceleratorsOfTheirActionsAndHelpIsLast() {
    MenuItem undo = items("Edit").filter(i -> text(i).startsWith("Undo")).findFirst().orElseThrow();
    assertThat(undo.getAccelerator()).isNotNull();
    assertThat(undo.getAccelerator().getName()).isEqualTo("Shortcut+Z");
    assertThat(items("Edit").map(WorkbenchShellTest::text)).contains("Copy", "Delete");
    assertThat(items("Window").map(WorkbenchShellTest::text)).contains("Reset Perspective");
    assertThat(items("Help").map(WorkbenchShellTest::text))
        .contains("Keyboard Shortcuts", "Documentation", "About VFIO Workbench");
    List<Menu> menus = menuBar().getMenus();
    assertThat(menus.get(menus.size() - 1).getText()).isEqualTo("_Help");
  }

  @Test
  void exportReportIsDefinedOnceInTheFileMenuWithItsShortcutListed(FxRobot robot) {
    // the menu listed this id before the command existed; its one-line definition fills it
    assertThat(items("File").map(WorkbenchShellTest::text)).containsOnlyOnce("Export report…");
    MenuItem report =
        items("File").filter(i -> text(i).equals("Export report…")).findFirst().orElseThrow();
    assertThat(report.getAccelerator()).isNotNull();
    assertThat(KeyboardShortcuts.of(window.actionSet()))
        .contains(new Shortcut("Export report", report.getAccelerator().getDisplayText()));
  }

  @Test
  void theShortcutListHasEveryAcceleratorOfTheMenus() {
    List<String> listed =
        KeyboardShortcuts.of(window.actionSet()).stream().map(Shortcut::keys).toList();
    List<String> inMenus =
        menuBar().getMenus().stream()
            .flatMap(m -> m.getItems().stream())
            .filter(i -> !(i instanceof Menu) && i.getAccelerator() != null)
            .map(i -> i.getAccelerator().getDisplayText())
            .toList();
    assertThat(inMenus).isNotEmpty();
    assertThat(listed).containsAll(inMenus);
  }

  @Test
  void deleteEndsTheSelectedHolderAsAnUndoableEditAndUndoSaysSo(FxRobot robot) {
    robot.interact(
        () -> {
          state.select(new ElementRef.HolderRef("qemu-legacy"));
          window.actionSet().get(ActionIds.DELETE).handle(null);
        });
    assertThat(state.topology().holder("qemu-legacy")).isEmpty();
    assertThat(state.selectionProperty().get()).isNull();
    assertThat(window.statusMessage()).isEqualTo("Remove holder qemu-legacy");
    robot.interact(state::undo);
    assertThat(state.topology().holder("qemu-legacy")).isPresent();
    assertThat(window.statusMessage()).isEqualTo("Undone: Remove holder qemu-legacy");
  }

  @Test
  void deleteClosesASelectedFd(FxRobot robot) {
    FdRef fd = new FdRef("qemu-legacy", 5);
    robot.interact(
        () -> {
          state.select(new ElementRef.FileRef(fd));
          window.actionSet().get(ActionIds.DELETE).handle(null);
        });
    assertThat(state.topology().file(fd)).isEmpty();
    assertThat(state.commands().undoLabelProperty().get()).isEqualTo("Close fd 5 of qemu-legacy");
  }

  @Test
  void deleteIsDisabledForAFunctionAndInAReadOnlyDocument(FxRobot robot) {
    robot.interact(
        () ->
            state.select(
                new ElementRef.FunctionRef(org.vfioworkbench.model.Bdf.parse("0000:02:00.0"))));
    assertThat(window.actionSet().get(ActionIds.DELETE).isDisabled()).isTrue();
    robot.interact(() -> state.select(new ElementRef.HolderRef("qemu-cdev")));
    assertThat(window.actionSet().get(ActionIds.DELETE).isDisabled()).isFalse();
  }

  @Test
  void afterANewHolderIsUndoneNeitherStatusBarNorPropertiesNameIt(FxRobot robot) {
    robot.interact(
        () -> {
          state.execute(new Edit.AddHolder("qemu-new"));
          state.select(new ElementRef.HolderRef("qemu-new"));
        });
    assertThat(statusTexts()).anyMatch(t -> t.contains("qemu-new"));
    robot.interact(state::undo);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(statusTexts()).noneMatch(t -> t.contains("qemu-new") && !t.startsWith("Undone"));
    assertThat(window.statusMessage()).isEqualTo("Undone: New holder qemu-new");
    assertThat(window.views().propertiesVm.titleProperty().get()).doesNotContain("qemu-new");
  }

  private List<String> statusTexts() {
    return window.scene().getRoot().lookupAll(".status-bar .label").stream()
        .map(n -> ((javafx.scene.control.Label) n).getText())
        .toList();
  }

  @Test
  void aChipCopiesWhatPropertiesSaysOfItAndOpensTheSharedContextMenu(FxRobot robot) {
    robot.interact(
        () ->
            state.select(
                new ElementRef.FunctionRef(org.vfioworkbench.model.Bdf.parse("0000:02:00.1"))));
    var graph =
        (org.vfioworkbench.ui.graph.TopologyGraphView)
            window.scene().getRoot().lookup(".graph-view");
    assertThat(graph.copyText()).contains("0000:02:00.1").contains("HD Audio");
    assertThat(FocusedCopy.textAt(graph)).isEqualTo(graph.copyText());
    assertThat(menuAskedFor(robot, graph, 20, 20, stage.getX() + 300, stage.getY() + 300))
        .contains("Copy", "Delete", "Export report\u2026");
  }

  /**
   * Asks {@code node} for its context menu as a right click at ({@code x}, {@code y}) would, and
   * returns the items of the menu it shows (mnemonic marks dropped), hiding it again.
   */
  private static List<String> menuAskedFor(
      FxRobot robot, javafx.scene.Node node, double x, double y, double screenX, double screenY) {
    robot.interact(
        () ->
            node.fireEvent(
                new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    x,
                    y,
                    screenX,
                    screenY,
                    false,
                    null)));
    List<String> shown =
        robot.listWindows().stream()
            .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
            .map(w -> (javafx.scene.control.ContextMenu) w)
            .flatMap(m -> m.getItems().stream())
            .map(i -> i.getText() == null ? "" : i.getText().replace("_", ""))
            .toList();
    robot.interact(
        () ->
            robot.listWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu)
                .forEach(javafx.stage.Window::hide));
    return shown;
  }

  @Test
  void anOutcomeRowOpensAMenuMadeForItsFdWhenAskedFor(FxRobot robot) {
    robot.interact(() -> window.showView(ViewId.OUTCOMES));
    WaitForAsyncUtils.waitForFxEvents();
    var rows =
        robot.lookup("#reset-outcomes .table-row-cell").queryAllAs(TableRow.class).stream()
            .filter(r -> r.getItem() != null)
            .toList();
    assertThat(rows).isNotEmpty();
    TableRow<?> row = rows.get(0);
    assertThat(row.getContextMenu()).as("made only when asked for").isNull();
    javafx.geometry.Point2D at = row.localToScreen(10, 5);
    assertThat(menuAskedFor(robot, row, 10, 5, at.getX(), at.getY()))
        .contains("Copy", "Show trace", "Select in graph", "Open group");
  }

  @Test
  void copyTakesTheFocusedViewsSelection(FxRobot robot) {
    class View extends StackPane implements Copyable {
      @Override
      public String copyText() {
        return "0000:02:00.0 -EPERM";
      }
    }
    View v = new View();
    javafx.scene.control.Label inside = new javafx.scene.control.Label("x");
    v.getChildren().add(inside);
    assertThat(FocusedCopy.textAt(inside)).isEqualTo("0000:02:00.0 -EPERM");
    assertThat(FocusedCopy.textAt(new StackPane())).isEmpty();
    assertThat(FocusedCopy.textAt(null)).isEmpty();
  }

  @Test
  void closingPropertiesGivesItsSpaceToTheGraphAndResetPerspectiveBringsItBack(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    double before = graphWidth();
    robot.interact(() -> window.docking().show(ViewId.PROPERTIES));
    robot.interact(() -> window.docking().close(ViewId.PROPERTIES));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.docking().regionOf(ViewId.PROPERTIES)).isNull();
    assertThat(window.docking().width(ViewId.Region.RIGHT)).isZero();
    assertThat(graphWidth()).isGreaterThan(before + 100);
    robot.interact(() -> window.actionSet().get(ActionIds.RESET_PERSPECTIVE).handle(null));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.docking().regionOf(ViewId.PROPERTIES)).isEqualTo(ViewId.Region.RIGHT);
    assertThat(window.docking().width(ViewId.Region.RIGHT)).isGreaterThan(100);
  }

  private double graphWidth() {
    return window.docking().width(ViewId.Region.CENTER);
  }

  @Test
  void onALaptopTheGraphKeepsMostOfTheWidthAndGrowingBackRestoresTheSplits(FxRobot robot)
      throws Exception {
    for (double[] size : new double[][] {{1366, 768}, {1024, 700}}) {
      robot.interact(
          () -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> window.scene().getRoot().layout());
      double all = window.docking().node().getLayoutBounds().getWidth();
      assertThat(graphWidth() / all)
          .as("graph share at %sx%s", size[0], size[1])
          .isGreaterThanOrEqualTo(SplitRatios.MIN_GRAPH);
    }
    robot.interact(
        () -> {
          stage.setWidth(1500);
          stage.setHeight(920);
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(window::saveLayout);
    DockLayout saved = DockLayout.load(config.resolve("layout.properties"));
    assertThat(saved.dividers()).containsExactly(SplitRatios.DEFAULTS.toArray());
  }

  @Test
  void theWindowIsNeverLargerThanTheScreen() {
    var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    assertThat(window.scene().getWidth()).isLessThanOrEqualTo(screen.getWidth());
  }

  @Test
  void aLessonStartsWithCompareModeOff(FxRobot robot) {
    robot.interact(() -> state.compareProfileProperty().set(Profile.LINUX_5_15));
    var host = new org.vfioworkbench.ui.learn.WorkbenchLearnHost(window, v -> {});
    robot.interact(
        () ->
            assertThat(
                    host.open(
                        "Lesson: x",
                        org.vfioworkbench.ui.files.BuiltInSamples.workstation(),
                        Profile.DEFAULT))
                .isTrue());
    assertThat(state.compareProfileProperty().get()).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRefusedDriverChangeInAReadOnlyHostIsNotLeftShownInProperties(FxRobot robot) {
    var gpu = org.vfioworkbench.model.Bdf.parse("0000:02:00.0");
    robot.interact(
        () -> {
          state.open(
              org.vfioworkbench.ui.document.Document.host(
                  "host",
                  "a capture",
                  state.topology(),
                  org.vfioworkbench.ui.document.Document.Origin.CAPTURE,
                  java.util.Optional.empty()));
          state.select(new ElementRef.FunctionRef(gpu));
          window.showView(ViewId.PROPERTIES);
        });
    javafx.scene.control.ComboBox<Object> driver =
        robot.lookup("#properties-grid .combo-box").queryAs(javafx.scene.control.ComboBox.class);
    Object before = driver.getValue();
    assertThat(before).isEqualTo(org.vfioworkbench.ui.properties.DriverChoice.VFIO_PCI);
    robot.interact(() -> driver.setValue(org.vfioworkbench.ui.properties.DriverChoice.NATIVE));
    // The edit is committed after the combo's event and refused on the UI thread; on a loaded
    // machine that may take more than one round of FX events, so wait for the refusal itself.
    try {
      WaitForAsyncUtils.waitFor(
          20,
          java.util.concurrent.TimeUnit.SECONDS,
          () -> String.valueOf(window.statusMessage()).startsWith("Read-only"));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no refusal said, status: " + window.statusMessage(), e);
    }
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.control.ComboBox<Object> shown =
        robot.lookup("#properties-grid .combo-box").queryAs(javafx.scene.control.ComboBox.class);
    assertThat(shown.getValue()).isEqualTo(before);
  }

  @Test
  void readOnlyFactsAreTextNotDisabledFields(FxRobot robot) {
    robot.interact(
        () -> {
          state.select(
              new ElementRef.FunctionRef(org.vfioworkbench.model.Bdf.parse("0000:02:00.0")));
          window.showView(ViewId.PROPERTIES);
        });
    var grid = robot.lookup("#properties-grid").queryAs(javafx.scene.layout.GridPane.class);
    assertThat(grid.getChildren()).isNotEmpty();
    assertThat(grid.getChildren()).noneMatch(javafx.scene.Node::isDisabled);
    assertThat(grid.lookupAll(".fact-label")).isNotEmpty();
    assertThat(grid.lookupAll(".text-field")).isEmpty();
  }

  @Test
  void theStartDocumentIsReadAsABackgroundTaskAfterTheWindowShows(FxRobot robot) {
    List<String> tasks = new java.util.ArrayList<>();
    TaskExecutor recording =
        new TaskExecutor() {
          private final TaskExecutor inner = TaskExecutor.currentThread();

          @Override
          public <T> org.vfioworkbench.ui.task.TaskHandle execute(
              org.vfioworkbench.ui.task.BackgroundTask<T> task) {
            tasks.add(task.title());
            return inner.execute(task);
          }

          @Override
          public void runOnUi(Runnable r) {
            inner.runOnUi(r);
          }

          @Override
          public void onFailure(
              java.util.function.Consumer<org.vfioworkbench.ui.task.TaskFailure> l) {
            inner.onFailure(l);
          }
        };
    robot.interact(
        () -> {
          WorkbenchWindow w =
              new WorkbenchWindow(
                  new Stage(),
                  config,
                  recording,
                  org.vfioworkbench.ui.livehost.LiveHostView.thisHost(),
                  name -> UnsavedChangesQuestion.Answer.DISCARD);
          w.stage().show();
          w.openSampleInBackground(WorkbenchApp.startSample());
          assertThat(tasks).contains("Opening " + WorkbenchApp.startSample().name());
          assertThat(w.state().topology().functions()).isNotEmpty();
          assertThat(w.statusMessage()).startsWith("Opened sample");
          w.stage().close();
        });
  }
}
