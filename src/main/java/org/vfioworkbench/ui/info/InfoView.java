package org.vfioworkbench.ui.info;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.util.converter.NumberStringConverter;
import org.vfioworkbench.ui.common.Cells;
import org.vfioworkbench.ui.common.Copyable;
import org.vfioworkbench.ui.common.LaidOutBeforeCss;
import org.vfioworkbench.ui.common.ShownRefresh;

/**
 * The INFO reply of the selected device, as the kernel fills {@code vfio_pci_hot_reset_info}.
 * Ctrl+C and the context menu copy the reply (or the selected entries) as the report writes it.
 */
public final class InfoView extends BorderPane implements Copyable {

  private final Label caller = new Label();
  private final Label ret = new Label();
  private final Label flags = new Label();
  private final Label count = new Label();
  private final Label note = new Label();
  private final Label compare = new Label();
  private final TableView<InfoEntryRow> table = new TableView<>();

  private final InfoViewModel vm;

  public InfoView(InfoViewModel vm) {
    this.vm = vm;
    getStyleClass().add("info-view");
    caller.setWrapText(true);
    Tooltip callerTip = new Tooltip();
    callerTip.textProperty().bind(caller.textProperty());
    caller.setTooltip(callerTip);
    compare.setWrapText(true);
    compare.managedProperty().bind(compare.visibleProperty());
    TextField argsz = new TextField();
    argsz.setPrefColumnCount(6);
    argsz.setMaxWidth(90);
    argsz.textProperty().bindBidirectional(vm.argszProperty(), new NumberStringConverter("#"));
    argsz.setTooltip(
        new Tooltip("argsz passed in: 12 + 8 per entry is needed; less gives -ENOSPC"));
    argsz.setId("info-argsz");
    flags.setId("info-flags");
    ret.setId("info-ret");
    caller.getStyleClass().add("info-caller");
    note.setWrapText(true);
    note.getStyleClass().add("info-note");
    compare.getStyleClass().add("compare-note");
    Button trace = new Button("Trace");
    trace.setTooltip(new Tooltip("Show the kernel checks of this INFO call in the Trace view"));
    trace.setOnAction(e -> vm.showTrace());
    GridPane header = new GridPane();
    header.setHgap(8);
    header.setVgap(2);
    header.setPadding(new Insets(6));
    header.add(caller, 0, 0, 4, 1);
    header.addRow(1, mono("ret"), ret, mono("argsz"), argsz);
    header.addRow(2, mono("flags"), flags, mono("count"), count);
    header.add(trace, 4, 1);
    header.add(note, 0, 3, 5, 1);
    header.add(compare, 0, 4, 5, 1);
    setTop(header);
    table.getColumns().add(col("#", r -> String.valueOf(r.index()), 30));
    table.getColumns().add(col("segment:bus:devfn", InfoEntryRow::bdf, 130));
    table.getColumns().add(col("group_id / devid (u32)", InfoEntryRow::rawId, 150));
    table.getColumns().add(col("meaning", InfoEntryRow::meaning, 110));
    table.getColumns().add(col("other profile", InfoEntryRow::changed, 110));
    table.setPlaceholder(new Label("no entries copied out"));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setId("info-entries");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setRowFactory(
        t -> {
          TableRow<InfoEntryRow> row = new TableRow<>();
          // the menu is made when asked for, not each time the row shows another entry
          row.setOnContextMenuRequested(
              e -> {
                if (row.getItem() != null) {
                  menu(row.getItem()).show(row, e.getScreenX(), e.getScreenY());
                  e.consume();
                }
              });
          return row;
        });
    Cells.copyOnShortcut(table, this);
    ContextMenu headerMenu =
        Cells.menu(List.of(Cells.copyItem(vm::copyText), Cells.item("Show trace", vm::showTrace)));
    header.setOnContextMenuRequested(e -> headerMenu.show(header, e.getScreenX(), e.getScreenY()));
    setCenter(table);
    // new rows are laid out and styled in the pulse after they come, not one pulse later
    LaidOutBeforeCss.after(table, table.getItems());
    vm.replyProperty().addListener((o, a, b) -> show(b));
    show(vm.replyProperty().get());
    ShownRefresh.follow(this, vm::setShown);
  }

  private ContextMenu menu(InfoEntryRow r) {
    return Cells.menu(
        List.of(
            Cells.copyItem(this),
            Cells.item("Show trace", vm::showTrace),
            Cells.item("Select in graph", () -> vm.select(r)),
            Cells.item("Open group", () -> vm.openGroup(r))));
  }

  /** The selected entries, or the whole reply when none is selected. */
  @Override
  public String copyText() {
    List<InfoEntryRow> rows = table.getSelectionModel().getSelectedItems();
    return rows.isEmpty() ? vm.copyText() : InfoViewModel.copyText(rows);
  }

  private static Label mono(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("field-name");
    return l;
  }

  private static TableColumn<InfoEntryRow, String> col(
      String name, java.util.function.Function<InfoEntryRow, String> f, double w) {
    TableColumn<InfoEntryRow, String> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
    c.setPrefWidth(w);
    c.setCellFactory(x -> Cells.ellipsized());
    return c;
  }

  private void show(InfoReply r) {
    caller.setText(
        r.ret().isEmpty() ? r.caller() : "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO on " + r.caller());
    ret.setText(r.ret());
    flags.setText(r.flags());
    count.setText(r.count());
    note.setText(r.note());
    compare.setText(r.compare());
    compare.setVisible(!r.compare().isEmpty());
    if (!table.getItems().equals(r.entries())) {
      table.getItems().setAll(r.entries());
    }
  }
}
