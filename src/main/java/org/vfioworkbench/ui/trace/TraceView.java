package org.vfioworkbench.ui.trace;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.vfioworkbench.ui.common.Cells;
import org.vfioworkbench.ui.common.Copyable;
import org.vfioworkbench.ui.common.ShownRefresh;

/**
 * The kernel-check chain of one call, each step naming the kernel function; facts wrap, Ctrl+C and
 * the context menu copy the selected steps as the report writes them.
 */
public final class TraceView extends BorderPane implements Copyable {

  private final TableView<TraceRow> table;

  public TraceView(TraceViewModel vm) {
    Label title = new Label();
    title.textProperty().bind(vm.titleProperty());
    title.getStyleClass().add("view-title");
    title.setWrapText(true);
    Tooltip titleTip = new Tooltip();
    titleTip.textProperty().bind(vm.titleProperty());
    title.setTooltip(titleTip);
    setTop(title);
    table = new TableView<>(vm.rows());
    table.setId("trace-steps");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    TableColumn<TraceRow, String> n = new TableColumn<>("#");
    n.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(String.valueOf(d.getValue().step())));
    n.setPrefWidth(34);
    TableColumn<TraceRow, String> fn = new TableColumn<>("kernel function");
    fn.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().function()));
    fn.setCellFactory(c -> Cells.ellipsized());
    TableColumn<TraceRow, String> v = new TableColumn<>("verdict");
    v.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().verdict()));
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
    fact.setCellFactory(c -> Cells.wrapped());
    table.getColumns().add(n);
    table.getColumns().add(fn);
    table.getColumns().add(v);
    table.getColumns().add(fact);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("no call selected"));
    Runnable fit =
        () -> {
          Cells.fit(fn, Cells.values(vm.rows(), TraceRow::function));
          Cells.fit(v, List.of("SUCCESS"));
        };
    vm.rows().addListener((ListChangeListener<TraceRow>) c -> fit.run());
    fit.run();
    Cells.copyOnShortcut(table, this);
    table.setContextMenu(Cells.menu(List.of(Cells.copyItem(this))));
    setCenter(table);
    ShownRefresh.follow(this, vm::setShown);
  }

  /** The selected steps, or every step when none is selected, as the report's trace lines. */
  @Override
  public String copyText() {
    List<TraceRow> rows = table.getSelectionModel().getSelectedItems();
    return TraceViewModel.copyText(rows.isEmpty() ? table.getItems() : rows);
  }
}
