package org.vfioworkbench.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.vfioworkbench.ui.state.WorkbenchState;

/** The bottom line: messages, the selection, the profile and the counts. */
final class StatusBar extends HBox {

  private final Label message = new Label("Ready");

  StatusBar(WorkbenchState state) {
    super(16);
    getStyleClass().add("status-bar");
    setPadding(new Insets(3, 8, 3, 8));
    Label selection = new Label();
    selection
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    state.selectionProperty().get() == null
                        ? "no selection"
                        : "selected: " + state.selectionProperty().get().label(),
                state.selectionProperty()));
    Label profile = new Label();
    profile
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    "profile "
                        + state.profileProperty().get().id()
                        + (state.compareProfileProperty().get() == null
                            ? ""
                            : "  vs " + state.compareProfileProperty().get().id()),
                state.profileProperty(),
                state.compareProfileProperty()));
    Label counts = new Label();
    counts
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    state.topology().functions().size()
                        + " functions, "
                        + state.topology().holders().size()
                        + " holders",
                state.topologyProperty()));
    message.setId("status-message");
    message.setMinWidth(0);
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    javafx.scene.control.Tooltip messageTip = new javafx.scene.control.Tooltip();
    messageTip.textProperty().bind(message.textProperty());
    message.setTooltip(messageTip);
    for (Label fixed : new Label[] {selection, profile, counts}) {
      fixed.setMinWidth(Region.USE_PREF_SIZE);
    }
    getChildren().addAll(message, selection, profile, counts);
  }

  void say(String text) {
    message.setText(text == null || text.isEmpty() ? "Ready" : text);
  }

  String message() {
    return message.getText();
  }
}
