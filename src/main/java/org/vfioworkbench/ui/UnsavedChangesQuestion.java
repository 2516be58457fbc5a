package org.vfioworkbench.ui;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks what to do with unsaved changes before they would be lost. */
@FunctionalInterface
interface UnsavedChangesQuestion {

  /** The user's answer. */
  enum Answer {
    SAVE,
    DISCARD,
    CANCEL
  }

  /** Asks about the unsaved changes of {@code documentName}. */
  Answer ask(String documentName);

  /** The confirmation dialog: Save, Discard or Cancel. */
  static UnsavedChangesQuestion dialog(Window owner) {
    return name -> {
      ButtonType saveIt = new ButtonType("Save");
      ButtonType discard = new ButtonType("Discard");
      Alert a =
          new Alert(
              Alert.AlertType.CONFIRMATION,
              "The document has unsaved changes.",
              saveIt,
              discard,
              ButtonType.CANCEL);
      a.setHeaderText("Save the changes to " + name + "?");
      a.initOwner(owner);
      Optional<ButtonType> answer = a.showAndWait();
      if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
        return Answer.CANCEL;
      }
      return answer.get() == discard ? Answer.DISCARD : Answer.SAVE;
    };
  }
}
