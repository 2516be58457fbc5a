package org.vfioworkbench.ui.help;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/** Help › Keyboard Shortcuts: a table of every command's shortcut. */
public final class ShortcutsDialog {

  private ShortcutsDialog() {}

  /** The table the dialog shows (also used by tests). */
  public static TableView<Shortcut> table(List<Shortcut> shortcuts) {
    TableView<Shortcut> t = new TableView<>();
    t.setId("shortcuts-table");
    TableColumn<Shortcut, String> keys = new TableColumn<>("Keys");
    keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
    keys.setPrefWidth(170);
    TableColumn<Shortcut, String> command = new TableColumn<>("Command");
    command.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().command()));
    command.setPrefWidth(330);
    t.getColumns().add(keys);
    t.getColumns().add(command);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getItems().setAll(shortcuts);
    t.setPrefSize(520, 480);
    return t;
  }

  /** Shows the dialog, not modal, over {@code owner}. */
  public static void show(Window owner, List<Shortcut> shortcuts) {
    Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
    a.setTitle("Keyboard Shortcuts");
    a.setHeaderText("Keyboard shortcuts of the workbench");
    a.getDialogPane().setContent(table(shortcuts));
    a.setResizable(true);
    a.initOwner(owner);
    a.initModality(javafx.stage.Modality.NONE);
    a.show();
  }
}
