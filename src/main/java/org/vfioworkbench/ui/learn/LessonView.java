package org.vfioworkbench.ui.learn;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The lesson panel: the current step's text and task, Check, and the step buttons. */
final class LessonView extends VBox {

  LessonView(LessonViewModel vm, Runnable backToWelcome) {
    setSpacing(10);
    setPadding(new Insets(14));
    getStyleClass().add("learn-lesson");
    setId("learn-lesson");

    Label title = new Label();
    title.getStyleClass().add("learn-title");
    title.setWrapText(true);
    title
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.lessonProperty().get() == null ? "" : vm.lessonProperty().get().title(),
                vm.lessonProperty()));
    Label heading = new Label();
    heading.getStyleClass().add("learn-section");
    heading.setWrapText(true);
    heading.textProperty().bind(vm.headingProperty());
    Label text = WelcomeView.wrapped("");
    text.setId("learn-step-text");
    text.textProperty().bind(vm.textProperty());

    Label prompt = WelcomeView.wrapped("");
    prompt.setId("learn-task-prompt");
    prompt.getStyleClass().add("learn-task");
    prompt.textProperty().bind(vm.promptProperty());
    Button check = new Button("Check");
    check.setId("learn-check");
    check.setDefaultButton(true);
    check.setOnAction(e -> vm.check());
    Button hint = new Button("Hint");
    Label hintText = WelcomeView.wrapped("");
    hintText.getStyleClass().add("learn-hint");
    hint.setOnAction(e -> hintText.setText(vm.hintProperty().get()));
    vm.stepIndexProperty().addListener((o, a, b) -> hintText.setText(""));
    hint.disableProperty().bind(vm.hintProperty().isEmpty());
    Button solution = new Button("Show solution");
    solution.setTooltip(
        new Tooltip("Load this step's topology with the lesson's own solution applied"));
    solution.setOnAction(e -> vm.showSolution());
    VBox task = new VBox(8, prompt, new HBox(8, check, hint, solution), hintText);
    task.getStyleClass().add("learn-task-box");
    task.visibleProperty().bind(vm.hasTaskProperty());
    task.managedProperty().bind(vm.hasTaskProperty());

    Label message = WelcomeView.wrapped("");
    message.setId("learn-message");
    message.textProperty().bind(vm.messageProperty());

    VBox body = new VBox(12, heading, text, task, message);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("learn-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);

    Button back = new Button("\u2190 Back");
    back.disableProperty().bind(vm.canGoBackProperty().not());
    back.setOnAction(e -> vm.back());
    Button restart = new Button("Restart step");
    restart.setTooltip(new Tooltip("Load the topology this step starts from"));
    restart.setOnAction(e -> vm.restartStep());
    Button next = new Button("Next \u2192");
    next.setId("learn-next");
    next.disableProperty().bind(vm.canGoNextProperty().not());
    next.setOnAction(e -> vm.next());
    Button lessons = new Button("All lessons");
    lessons.setOnAction(e -> backToWelcome.run());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);

    getChildren().addAll(title, scroll, new HBox(8, back, restart, gap, lessons, next));
  }
}
