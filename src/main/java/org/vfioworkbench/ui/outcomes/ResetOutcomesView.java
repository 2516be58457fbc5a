package org.vfioworkbench.ui.outcomes;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.vfioworkbench.engine.ResetVariant;

/** Device fds × HOT_RESET variants; clicking a cell (or Enter) opens its trace. */
public final class ResetOutcomesView extends BorderPane {

  public ResetOutcomesView(ResetOutcomesViewModel vm) {
    TableView<OutcomeRow> table = new TableView<>(vm.rows());
    table.setId("reset-outcomes");
    table.getSelectionModel().setCellSelectionEnabled(true);
    TableColumn<OutcomeRow, String> fd = new TableColumn<>("device fd");
    fd.setCellValueFactory(
        d ->
            new ReadOnlyObjectWrapper<>(d.getValue().fd().holder() + ":" + d.getValue().fd().fd()));
    fd.setPrefWidth(120);
    TableColumn<OutcomeRow, String> dev = new TableColumn<>("device");
    dev.setCellValueFactory(
        d -> new ReadOnlyObjectWrapper<>(d.getValue().device() + " (" + d.getValue().path() + ")"));
    dev.setPrefWidth(120);
    table.getColumns().add(fd);
    table.getColumns().add(dev);
    for (ResetVariant.Kind k : vm.kinds()) {
      TableColumn<OutcomeRow, OutcomeCell> c = new TableColumn<>(k.label());
      c.setUserData(k);
      c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().cell(k)));
      c.setPrefWidth(120);
      c.setCellFactory(x -> new OutcomeCellView(vm));
      table.getColumns().add(c);
    }
    table.setPlaceholder(new Label("no device fds: nobody has a vfio device open"));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openFocused(table, vm);
          }
        });
    setCenter(table);
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
      setTooltip(
          new Tooltip(
              c.request()
                  + "\n\u2714 = returns 0; otherwise the errno."
                  + " Click for the kernel's checks."));
    }
  }
}
