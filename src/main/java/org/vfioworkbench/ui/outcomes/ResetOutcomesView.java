package org.vfioworkbench.ui.outcomes;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.ui.common.Cells;
import org.vfioworkbench.ui.common.Copyable;
import org.vfioworkbench.ui.common.LaidOutBeforeCss;
import org.vfioworkbench.ui.common.ShownRefresh;

/**
 * Device fds × HOT_RESET variants, and what QEMU would print; clicking a cell (or Enter) opens its
 * trace. Columns are as wide as their content, long cells ellipsize with the whole text as tooltip,
 * Ctrl+C and the context menu copy the row as the report writes it.
 */
public final class ResetOutcomesView extends BorderPane implements Copyable {

  private final TableView<OutcomeRow> table;
  private final ResetOutcomesViewModel vm;

  public ResetOutcomesView(ResetOutcomesViewModel vm) {
    this.vm = vm;
    table = new TableView<>(vm.rows());
    table.setId("reset-outcomes");
    table.getSelectionModel().setCellSelectionEnabled(true);
    TableColumn<OutcomeRow, String> fd = new TableColumn<>("device fd");
    fd.setCellValueFactory(
        d ->
            new ReadOnlyObjectWrapper<>(d.getValue().fd().holder() + ":" + d.getValue().fd().fd()));
    fd.setCellFactory(x -> Cells.ellipsized());
    TableColumn<OutcomeRow, String> dev = new TableColumn<>("device");
    dev.setCellValueFactory(
        d -> new ReadOnlyObjectWrapper<>(d.getValue().device() + " (" + d.getValue().path() + ")"));
    dev.setCellFactory(x -> Cells.ellipsized());
    table.getColumns().add(fd);
    table.getColumns().add(dev);
    List<TableColumn<OutcomeRow, OutcomeCell>> variants = new ArrayList<>();
    for (ResetVariant.Kind k : vm.kinds()) {
      TableColumn<OutcomeRow, OutcomeCell> c = new TableColumn<>(k.label());
      c.setUserData(k);
      c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().cell(k)));
      c.setCellFactory(x -> new OutcomeCellView(vm));
      table.getColumns().add(c);
      variants.add(c);
    }
    TableColumn<OutcomeRow, String> qemu = new TableColumn<>("QEMU would print");
    qemu.setId("qemu-column");
    qemu.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().qemuCell()));
    qemu.setCellFactory(x -> Cells.ellipsized());
    table.getColumns().add(qemu);
    Runnable fit =
        () -> {
          Cells.fit(fd, Cells.values(vm.rows(), r -> r.fd().holder() + ":" + r.fd().fd()));
          Cells.fit(dev, Cells.values(vm.rows(), r -> r.device() + " (" + r.path() + ")"));
          for (TableColumn<OutcomeRow, OutcomeCell> c : variants) {
            ResetVariant.Kind k = (ResetVariant.Kind) c.getUserData();
            Cells.fit(c, Cells.values(vm.rows(), r -> r.cell(k) == null ? "" : r.cell(k).text()));
          }
          Cells.fit(qemu, Cells.values(vm.rows(), OutcomeRow::qemuCell));
        };
    vm.rows().addListener((ListChangeListener<OutcomeRow>) c -> fit.run());
    fit.run();
    table.setRowFactory(
        t -> {
          TableRow<OutcomeRow> row = new TableRow<>();
          Cells.menuOnRequest(row, this::menu);
          return row;
        });
    Cells.copyOnShortcut(table, this);
    table.setPlaceholder(new Label("no device fds: nobody has a vfio device open"));
    // columns keep the widths of their content; a narrow view scrolls instead of cutting
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openFocused(table, vm);
          }
        });
    setCenter(table);
    // new rows are styled in the pulse that lays them out, not one pulse later
    LaidOutBeforeCss.after(table, vm.rows());
    ShownRefresh.follow(this, vm::setShown);
  }

  private ContextMenu menu(OutcomeRow r) {
    List<MenuItem> items = new ArrayList<>();
    items.add(Cells.copyItem(this));
    items.add(Cells.item("Show trace", () -> vm.showTrace(r)));
    items.add(Cells.item("Select in graph", () -> vm.selectInGraph(r)));
    MenuItem group = Cells.item("Open group", () -> vm.openGroup(r));
    group.setDisable(vm.groupOf(r).isEmpty());
    items.add(group);
    return Cells.menu(items);
  }

  /** The selected rows (or the focused one) as the report writes them. */
  @Override
  public String copyText() {
    List<OutcomeRow> rows = new ArrayList<>();
    for (TablePosition<OutcomeRow, ?> p : table.getSelectionModel().getSelectedCells()) {
      OutcomeRow r = table.getItems().get(p.getRow());
      if (!rows.contains(r)) {
        rows.add(r);
      }
    }
    return vm.copyText(rows);
  }

  private static void openFocused(TableView<OutcomeRow> table, ResetOutcomesViewModel vm) {
    TablePosition<OutcomeRow, ?> pos = table.getFocusModel().getFocusedCell();
    if (pos != null
        && pos.getTableColumn() != null
        && pos.getTableColumn().getUserData() instanceof ResetVariant.Kind k
        && pos.getRow() >= 0) {
      vm.open(table.getItems().get(pos.getRow()).fd(), k);
    }
  }

  /** One outcome cell: ✔ in green, an errno in red, the compare change marked. */
  private static final class OutcomeCellView extends TableCell<OutcomeRow, OutcomeCell> {
    /** One tooltip per cell, its text changed with the cell's item (a Tooltip is a window). */
    private Tooltip tip;

    OutcomeCellView(ResetOutcomesViewModel vm) {
      setOnMouseClicked(
          e -> {
            if (getItem() != null && getTableRow() != null && getTableRow().getItem() != null) {
              vm.open(getTableRow().getItem().fd(), getItem().kind());
            }
          });
    }

    @Override
    protected void updateItem(OutcomeCell c, boolean empty) {
      super.updateItem(c, empty);
      getStyleClass().removeAll("outcome-ok", "outcome-fail", "outcome-changed", "outcome-same");
      if (empty || c == null) {
        setText(null);
        setTooltip(null);
        return;
      }
      setText(c.text());
      getStyleClass()
          .add(
              c.succeeded()
                  ? "outcome-ok"
                  : OutcomeCell.SAME_AS_EMPTY.equals(c.label()) ? "outcome-same" : "outcome-fail");
      if (c.changed()) {
        getStyleClass().add("outcome-changed");
      }
      if (tip == null) {
        tip = new Tooltip();
      }
      tip.setText(
          c.text()
              + "\n"
              + c.request()
              + "\n\u2714 = returns 0; otherwise the errno."
              + " Click for the kernel's checks.");
      setTooltip(tip);
    }
  }
}
