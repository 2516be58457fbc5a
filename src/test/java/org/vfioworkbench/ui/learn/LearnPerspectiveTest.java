package org.vfioworkbench.ui.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.lesson.Lesson;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.WorkbenchWindow;

/**
 * The Learn perspective in a real workbench window: first-run welcome, a lesson driven by clicks.
 */
@ExtendWith(ApplicationExtension.class)
class LearnPerspectiveTest extends FxTestBase {

  @TempDir static Path config;

  private static final Preferences PREFS = new MemoryPreferences();

  private WorkbenchWindow window;
  private LearnPerspective learn;

  @Start
  void start(Stage stage) {
    window = new WorkbenchWindow(stage, config);
    learn = LearnPerspective.install(window, null, new LearnProgress(PREFS));
    stage.setWidth(1500);
    stage.setHeight(950);
    stage.show();
  }

  @Test
  void aFirstRunLandsOnTheWelcomePageAndALessonIsWalkedWithCheckAndNext(FxRobot robot) {
    BorderPane root = (BorderPane) window.scene().getRoot();
    assertThat(root.getRight()).isSameAs(learn.pane());
    assertThat(learn.pane().showingWelcome()).isTrue();
    assertThat(robot.lookup("#learn-lessons").queryListView().getItems())
        .hasSizeGreaterThanOrEqualTo(8);
    assertThat(robot.lookup("#learn-samples").queryListView().getItems()).isNotEmpty();
    assertThat(new LearnProgress(PREFS).showWelcomeAtStart()).isFalse();

    ListView<WelcomeViewModel.LessonEntry> lessons = robot.lookup("#learn-lessons").queryListView();
    robot.interact(
        () ->
            lessons
                .getSelectionModel()
                .select(
                    lessons.getItems().stream()
                        .filter(e -> e.lesson().id().equals("native-driver-in-scope"))
                        .findFirst()
                        .orElseThrow()));
    robot.clickOn("#learn-start-lesson");
    Lesson lesson = learn.pane().lesson().lessonProperty().get();
    assertThat(lesson.id()).isEqualTo("native-driver-in-scope");
    assertThat(window.state().topology()).isEqualTo(lesson.start());

    robot.clickOn("#learn-next").clickOn("#learn-next");
    Button next = robot.lookup("#learn-next").queryButton();
    assertThat(next.isDisabled()).isTrue();
    robot.clickOn("#learn-check");
    assertThat(robot.lookup("#learn-message").queryAs(Label.class).getText()).startsWith("Not yet");

    Bdf fn1 = Bdf.parse("0000:02:00.1");
    robot.interact(
        () -> {
          Topology t = window.state().topology();
          t =
              KernelCalls.setDriver(
                      t, lesson.profile(), fn1, org.vfioworkbench.model.Driver.VFIO_PCI)
                  .orElseThrow();
          t = KernelCalls.moveToGroup(t, lesson.profile(), "qemu", fn1).orElseThrow();
          window.state().execute("lesson gestures", t);
        });
    robot.clickOn("#learn-check");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#learn-message").queryAs(Label.class).getText()).startsWith("Done.");
    assertThat(next.isDisabled()).isFalse();
  }
}
