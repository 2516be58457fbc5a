package org.vfioworkbench.ui.trace;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** The kernel-check chain of one call, each step naming the kernel function. */
public final class TraceView extends BorderPane {

  public TraceView(TraceViewModel vm) {
    Label title = new Label();
    title.textProperty().bind(vm.titleProperty());
    title.getStyleClass().add("view-title");
    setTop(title);
    TableView<TraceRow> table = new TableView<>(vm.rows());
    TableColumn<TraceRow, String> n = new TableColumn<>("#");
    n.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(String.valueOf(d.getValue().step())));
    n.setPrefWidth(30);
    TableColumn<TraceRow, String> fn = new TableColumn<>("kernel function");
    fn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().function()));
    fn.setPrefWidth(250);
    TableColumn<TraceRow, String> v = new TableColumn<>("verdict");
    v.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().verdict()));
    v.setPrefWidth(70);
    v.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().removeAll("verdict-fail", "verdict-ok");
                if (!empty && s != null) {
                  getStyleClass().add(s.equals("FAIL") ? "verdict-fail" : "verdict-ok");
                }
              }
            });
    TableColumn<TraceRow, String> fact = new TableColumn<>("fact");
    fact.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().fact()));
    fact.setPrefWidth(600);
    table.getColumns().add(n);
    table.getColumns().add(fn);
    table.getColumns().add(v);
    table.getColumns().add(fact);
    table.setPlaceholder(new Label("no call selected"));
    setCenter(table);
  }
}
