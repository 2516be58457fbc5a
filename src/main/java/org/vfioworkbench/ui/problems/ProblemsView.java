package org.vfioworkbench.ui.problems;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.vfioworkbench.ui.common.Cells;
import org.vfioworkbench.ui.common.Copyable;
import org.vfioworkbench.ui.common.ShownRefresh;

/**
 * The engine's diagnostics of the host; double-click or Enter goes to the culprit. The problem
 * wraps; Ctrl+C and the context menu copy the selected problems as the report lists them.
 */
public final class ProblemsView extends BorderPane implements Copyable {

  private final TableView<Problem> table;

  public ProblemsView(ProblemsViewModel vm) {
    table = new TableView<>(vm.problems());
    table.setId("problems");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    TableColumn<Problem, String> severity = new TableColumn<>("severity");
    severity.setCellValueFactory(
        d -> new ReadOnlyObjectWrapper<>(d.getValue().diagnostic().severity().code()));
    TableColumn<Problem, String> kind = new TableColumn<>("kind");
    kind.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().kind().toString()));
    kind.setCellFactory(c -> Cells.ellipsized());
    TableColumn<Problem, String> what = new TableColumn<>("problem");
    what.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().summary()));
    what.setCellFactory(c -> Cells.wrapped());
    TableColumn<Problem, String> where = new TableColumn<>("culprit");
    where.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().where()));
    where.setCellFactory(c -> Cells.ellipsized());
    table.getColumns().add(severity);
    table.getColumns().add(kind);
    table.getColumns().add(where);
    table.getColumns().add(what);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("no problems found"));
    Runnable fit =
        () -> {
          Cells.fit(severity, Cells.values(vm.problems(), p -> p.diagnostic().severity().code()));
          Cells.fit(kind, Cells.values(vm.problems(), p -> p.kind().toString()));
          Cells.fit(where, Cells.values(vm.problems(), Problem::where));
        };
    vm.problems().addListener((ListChangeListener<Problem>) c -> fit.run());
    fit.run();
    table.setRowFactory(
        t -> {
          TableRow<Problem> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                  vm.goTo(row.getItem());
                }
              });
          Cells.menuOnRequest(row, p -> menu(vm, p));
          return row;
        });
    table.setOnKeyPressed(
        e -> {
          Problem p = table.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && p != null) {
            vm.goTo(p);
          }
        });
    Cells.copyOnShortcut(table, this);
    setCenter(table);
    ShownRefresh.follow(this, vm::setShown);
  }

  private ContextMenu menu(ProblemsViewModel vm, Problem p) {
    List<MenuItem> items = new ArrayList<>();
    items.add(Cells.copyItem(this));
    MenuItem select = Cells.item("Select in graph", () -> vm.goTo(p));
    select.setDisable(p.culprit() == null);
    items.add(select);
    MenuItem trace = Cells.item("Show trace", () -> vm.showTrace(p));
    trace.setDisable(!vm.hasTrace(p));
    items.add(trace);
    MenuItem group = Cells.item("Open group", () -> vm.openGroup(p));
    group.setDisable(vm.groupOf(p).isEmpty());
    items.add(group);
    return Cells.menu(items);
  }

  /** The selected problems as the report lists them, a line each. */
  @Override
  public String copyText() {
    return ProblemsViewModel.copyText(table.getSelectionModel().getSelectedItems());
  }
}
