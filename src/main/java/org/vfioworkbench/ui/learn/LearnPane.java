package org.vfioworkbench.ui.learn;

import java.util.List;
import java.util.Objects;
import javafx.scene.layout.StackPane;
import org.vfioworkbench.scenario.lesson.Lesson;
import org.vfioworkbench.ui.files.Sample;

/**
 * The Learn perspective's panel, self-contained: the welcome page (lessons and samples) and the
 * lesson panel, switching between them. Dock it anywhere; it reaches the workbench only through its
 * {@link LearnHost}.
 */
public final class LearnPane extends StackPane {

  private final WelcomeViewModel welcome;
  private final LessonViewModel lesson;
  private final WelcomeView welcomeView;
  private final LessonView lessonView;

  /**
   * @param host the workbench
   * @param progress where the welcome and completion state is remembered
   * @param samples the samples the welcome page offers
   * @param close what "Close" on the welcome page does (hide the panel)
   */
  public LearnPane(LearnHost host, LearnProgress progress, List<Sample> samples, Runnable close) {
    Objects.requireNonNull(close, "close");
    this.welcome = new WelcomeViewModel(host, progress, WelcomeViewModel.bundledLessons(), samples);
    this.lesson = new LessonViewModel(host, progress);
    this.welcomeView = new WelcomeView(welcome, this::startLesson, close);
    this.lessonView = new LessonView(lesson, this::showWelcome);
    getStyleClass().add("learn-pane");
    getStylesheets().add(LearnPane.class.getResource("learn.css").toExternalForm());
    setId("learn-pane");
    setMinWidth(200);
    setPrefWidth(440);
    getChildren().addAll(lessonView, welcomeView);
    lesson.finishedProperty().addListener((o, a, b) -> welcome.refresh());
    lesson
        .lessonProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                welcome.refresh();
                showPage(true);
              }
            });
    showPage(true);
  }

  /** Shows the welcome page and counts it as seen: it no longer opens by itself at start. */
  public void showWelcome() {
    welcome.refresh();
    welcome.markSeen();
    showPage(true);
  }

  /** True while the welcome page (rather than a lesson) is showing. */
  public boolean showingWelcome() {
    return welcomeView.isVisible();
  }

  private void showPage(boolean welcomePage) {
    welcomeView.setVisible(welcomePage);
    lessonView.setVisible(!welcomePage);
  }

  /**
   * Starts {@code l} and shows the lesson panel; stays on the welcome page if the workbench
   * declined.
   */
  public void startLesson(Lesson l) {
    if (lesson.start(l)) {
      showPage(false);
    }
  }

  public WelcomeViewModel welcome() {
    return welcome;
  }

  public LessonViewModel lesson() {
    return lesson;
  }
}
