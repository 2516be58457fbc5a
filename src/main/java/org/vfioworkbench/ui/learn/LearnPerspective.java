package org.vfioworkbench.ui.learn;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import org.vfioworkbench.ui.WorkbenchWindow;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.files.BundledSamples;

/**
 * The Learn perspective in the workbench window: the {@link LearnPane} on the right of the docked
 * views, a Learn menu (welcome page, every lesson, hide), and the welcome page on first run. {@link
 * #install(WorkbenchWindow)} is all the window needs.
 */
public final class LearnPerspective {

  private final BorderPane root;
  private final LearnPane pane;

  private LearnPerspective(
      BorderPane root,
      MenuBar bar,
      WorkbenchWindow window,
      Consumer<ViewId> showView,
      LearnProgress progress) {
    this.root = root;
    this.pane =
        new LearnPane(
            new WorkbenchLearnHost(window, showView), progress, BundledSamples.list(), this::hide);
    int help = bar.getMenus().size();
    for (int i = 0; i < bar.getMenus().size(); i++) {
      if ("help-menu".equals(bar.getMenus().get(i).getId())) {
        help = i;
      }
    }
    bar.getMenus().add(help, menu());
    pane.prefWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> paneWidth(root.getWidth()), root.widthProperty()));
  }

  /**
   * The panel's width in a window {@code windowWidth} wide: about a quarter of it, between 220 and
   * 440 px, so a laptop's window keeps most of its width for the graph.
   */
  static double paneWidth(double windowWidth) {
    return Math.max(220, Math.min(440, windowWidth * 0.26));
  }

  /**
   * Adds the Learn menu and panel to {@code window} and shows the welcome page if this is the
   * user's first run (or they asked for it at every start).
   */
  public static LearnPerspective install(WorkbenchWindow window) {
    return install(window, null, LearnProgress.forCurrentUser());
  }

  /**
   * Like {@link #install(WorkbenchWindow)}, with the window's own way to bring a docked view to the
   * front (otherwise the View menu's "Show …" items are used).
   */
  public static LearnPerspective install(WorkbenchWindow window, Consumer<ViewId> showView) {
    return install(window, showView, LearnProgress.forCurrentUser());
  }

  public static LearnPerspective install(
      WorkbenchWindow window, Consumer<ViewId> showView, LearnProgress progress) {
    Parent top = window.scene().getRoot();
    if (!(top instanceof BorderPane root)) {
      throw new IllegalStateException("the workbench window's root is not a BorderPane");
    }
    MenuBar bar =
        menuBar(root.getTop())
            .orElseThrow(() -> new IllegalStateException("the workbench window has no menu bar"));
    Consumer<ViewId> show =
        showView != null ? showView : v -> viewItem(bar, v).ifPresent(MenuItem::fire);
    LearnPerspective p = new LearnPerspective(root, bar, window, show, progress);
    if (progress.showWelcomeAtStart()) {
      p.showWelcome();
    }
    return p;
  }

  /** Opens the panel on the welcome page. */
  public void showWelcome() {
    pane.showWelcome();
    root.setRight(pane);
  }

  public void hide() {
    root.setRight(null);
  }

  public LearnPane pane() {
    return pane;
  }

  private Menu menu() {
    MenuItem welcome = new MenuItem("_Welcome and lessons\u2026");
    welcome.setAccelerator(new KeyCodeCombination(KeyCode.F1));
    welcome.setOnAction(e -> showWelcome());
    Menu lessons = new Menu("_Start lesson");
    lessons.setOnShowing(
        e -> {
          lessons.getItems().clear();
          for (WelcomeViewModel.LessonEntry l : pane.welcome().lessons()) {
            MenuItem i = new MenuItem(l.label());
            i.setMnemonicParsing(false);
            i.setOnAction(
                x -> {
                  root.setRight(pane);
                  pane.startLesson(l.lesson());
                });
            lessons.getItems().add(i);
          }
        });
    lessons.getItems().add(new MenuItem("(no lessons)"));
    MenuItem hide = new MenuItem("_Hide Learn panel");
    hide.setOnAction(e -> hide());
    return new Menu("_Learn", null, welcome, lessons, new SeparatorMenuItem(), hide);
  }

  private static Optional<MenuBar> menuBar(Node node) {
    if (node instanceof MenuBar m) {
      return Optional.of(m);
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        Optional<MenuBar> m = menuBar(child);
        if (m.isPresent()) {
          return m;
        }
      }
    }
    return Optional.empty();
  }

  /** The View menu's "Show …" item of {@code v}. */
  private static Optional<MenuItem> viewItem(MenuBar bar, ViewId v) {
    String text = "Show " + v.title();
    return bar.getMenus().stream()
        .flatMap(m -> m.getItems().stream())
        .filter(i -> text.equals(i.getText()))
        .findFirst();
  }
}
