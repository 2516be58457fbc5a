package org.vfioworkbench.ui.problems;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

/** The engine's diagnostics of the host; double-click or Enter goes to the culprit. */
public final class ProblemsView extends BorderPane {

  public ProblemsView(ProblemsViewModel vm) {
    TableView<Problem> table = new TableView<>(vm.problems());
    TableColumn<Problem, String> severity = new TableColumn<>("severity");
    severity.setCellValueFactory(
        d -> new ReadOnlyObjectWrapper<>(d.getValue().diagnostic().severity().code()));
    severity.setPrefWidth(70);
    TableColumn<Problem, String> kind = new TableColumn<>("kind");
    kind.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().kind().toString()));
    kind.setPrefWidth(160);
    TableColumn<Problem, String> what = new TableColumn<>("problem");
    what.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().summary()));
    what.setPrefWidth(800);
    TableColumn<Problem, String> where = new TableColumn<>("culprit");
    where.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().where()));
    where.setPrefWidth(130);
    table.getColumns().add(severity);
    table.getColumns().add(kind);
    table.getColumns().add(where);
    table.getColumns().add(what);
    table.setPlaceholder(new Label("no problems found"));
    table.setRowFactory(
        t -> {
          TableRow<Problem> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                  vm.goTo(row.getItem());
                }
              });
          return row;
        });
    table.setOnKeyPressed(
        e -> {
          Problem p = table.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && p != null) {
            vm.goTo(p);
          }
        });
    setCenter(table);
  }
}
