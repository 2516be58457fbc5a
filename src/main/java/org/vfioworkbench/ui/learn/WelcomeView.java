package org.vfioworkbench.ui.learn;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vfioworkbench.scenario.lesson.Lesson;
import org.vfioworkbench.ui.files.Sample;

/** The welcome page: lessons to start, samples to open, and "show at every start". */
final class WelcomeView extends VBox {

  WelcomeView(WelcomeViewModel vm, Consumer<Lesson> startLesson, Runnable close) {
    setSpacing(10);
    setPadding(new Insets(14));
    getStyleClass().add("learn-welcome");
    setId("learn-welcome");

    Label title = new Label("Welcome to VFIO Workbench");
    title.getStyleClass().add("learn-title");
    Label intro =
        wrapped(
            "See how Linux VFIO decides who may hot-reset a PCI device. The lessons walk"
                + " you through the rules with small tasks the engine checks; the samples are ready-made hosts"
                + " to explore. Drag functions between holders' lanes on the graph, and watch INFO, Reset"
                + " outcomes and Trace change.");

    ListView<WelcomeViewModel.LessonEntry> lessons = new ListView<>(vm.lessons());
    lessons.setId("learn-lessons");
    lessons.setCellFactory(l -> new LessonCell());
    lessons.setPrefHeight(260);
    Button start = new Button("Start lesson");
    start.setId("learn-start-lesson");
    start.setDefaultButton(true);
    start.disableProperty().bind(lessons.getSelectionModel().selectedItemProperty().isNull());
    start.setOnAction(
        e -> startLesson.accept(lessons.getSelectionModel().getSelectedItem().lesson()));
    lessons.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && lessons.getSelectionModel().getSelectedItem() != null) {
            startLesson.accept(lessons.getSelectionModel().getSelectedItem().lesson());
          }
        });
    Label problem = wrapped("");
    problem.textProperty().bind(vm.problemProperty());
    problem.getStyleClass().add("learn-problem");
    problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());

    ListView<Sample> samples = new ListView<>(vm.samples());
    samples.setId("learn-samples");
    samples.setCellFactory(l -> new SampleCell());
    samples.setPrefHeight(200);
    Button open = new Button("Open sample");
    open.setId("learn-open-sample");
    open.disableProperty().bind(samples.getSelectionModel().selectedItemProperty().isNull());
    open.setOnAction(e -> vm.openSample(samples.getSelectionModel().getSelectedItem()));
    samples.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && samples.getSelectionModel().getSelectedItem() != null) {
            vm.openSample(samples.getSelectionModel().getSelectedItem());
          }
        });

    CheckBox atStart = new CheckBox("Show this page at every start");
    atStart.selectedProperty().bindBidirectional(vm.showAtStartProperty());
    Button hide = new Button("Close");
    hide.setOnAction(e -> close.run());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);

    VBox.setVgrow(lessons, Priority.ALWAYS);
    VBox.setVgrow(samples, Priority.SOMETIMES);
    getChildren()
        .addAll(
            title,
            intro,
            section("Lessons"),
            problem,
            lessons,
            new HBox(8, start),
            section("Samples"),
            samples,
            new HBox(8, open),
            new HBox(8, atStart, gap, hide));
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("learn-section");
    return l;
  }

  static Label wrapped(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  /** A lesson: title (ticked once completed) over its summary. */
  private static final class LessonCell extends ListCell<WelcomeViewModel.LessonEntry> {
    @Override
    protected void updateItem(WelcomeViewModel.LessonEntry item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(item.label());
      name.getStyleClass().add("learn-lesson-title");
      Label summary = wrapped(item.lesson().summary());
      summary.getStyleClass().add("learn-lesson-summary");
      summary.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
      setGraphic(new VBox(2, name, summary));
      setText(null);
    }
  }

  /** A sample: its name, with its file as tooltip. */
  private static final class SampleCell extends ListCell<Sample> {
    @Override
    protected void updateItem(Sample item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.name());
      setTooltip(empty || item == null ? null : new Tooltip(item.description()));
    }
  }
}
