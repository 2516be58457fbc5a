package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.ui.learn.LearnPerspective;
import org.vfioworkbench.ui.learn.LearnProgress;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * Start-up logs no CSS warning: the window on s19, in the light and the dark theme, with the Learn
 * perspective's welcome page and a lesson shown. JavaFX reports style sheets it cannot apply (a
 * looked-up colour a theme does not define, a value of the wrong type) through its {@code
 * javafx.css} logger; this test listens there.
 */
@ExtendWith(ApplicationExtension.class)
class StartupCssWarningsTest extends FxTestBase {

  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private static final List<Logger> LOGGERS =
      List.of(
          Logger.getLogger("javafx.css"),
          Logger.getLogger("javafx.scene.CssStyleHelper"),
          Logger.getLogger("com.sun.javafx.css"));

  private final List<String> warnings = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
            synchronized (warnings) {
              warnings.add(r.getLoggerName() + ": " + r.getMessage());
            }
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private WorkbenchWindow window;
  private LearnPerspective learn;

  @Start
  void start(Stage stage) throws Exception {
    LOGGERS.forEach(l -> l.addHandler(handler));
    window =
        new WorkbenchWindow(
            stage,
            Files.createTempDirectory("wb-css"),
            TaskExecutor.currentThread(),
            org.vfioworkbench.ui.livehost.LiveHostView.thisHost(),
            name -> UnsavedChangesQuestion.Answer.DISCARD);
    window.openSample(WorkbenchApp.startSample());
    learn =
        LearnPerspective.install(window, window::showView, new LearnProgress(new MemoryPrefs()));
    stage.setWidth(1500);
    stage.setHeight(950);
    stage.show();
  }

  @AfterEach
  void stopListening() {
    LOGGERS.forEach(l -> l.removeHandler(handler));
  }

  @Test
  void bothThemesWithTheLearnPerspectiveLogNoCssWarning(FxRobot robot) {
    for (Theme t : Theme.values()) {
      robot.interact(
          () -> {
            t.apply(window.scene());
            learn.showWelcome();
            cssPass(window.scene().getRoot());
          });
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(
          () -> {
            learn.pane().startLesson(learn.pane().welcome().lessons().get(0).lesson());
            cssPass(window.scene().getRoot());
          });
      WaitForAsyncUtils.waitForFxEvents();
      for (org.vfioworkbench.ui.docking.ViewId v : org.vfioworkbench.ui.docking.ViewId.values()) {
        robot.interact(
            () -> {
              window.showView(v);
              cssPass(window.scene().getRoot());
            });
      }
      WaitForAsyncUtils.waitForFxEvents();
    }
    synchronized (warnings) {
      assertThat(warnings).isEmpty();
    }
  }

  private static void cssPass(Parent root) {
    root.applyCss();
    root.layout();
    for (Node n : root.lookupAll("*")) {
      n.applyCss();
    }
  }

  /** In-memory preferences, so the test leaves the user's alone. */
  private static final class MemoryPrefs extends java.util.prefs.AbstractPreferences {
    private final java.util.Map<String, String> values = new java.util.HashMap<>();

    MemoryPrefs() {
      super(null, "");
    }

    @Override
    protected void putSpi(String key, String value) {
      values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
      return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
      values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {}

    @Override
    protected String[] keysSpi() {
      return values.keySet().toArray(new String[0]);
    }

    @Override
    protected String[] childrenNamesSpi() {
      return new String[0];
    }

    @Override
    protected java.util.prefs.AbstractPreferences childSpi(String name) {
      return new MemoryPrefs();
    }

    @Override
    protected void syncSpi() {}

    @Override
    protected void flushSpi() {}
  }
}
