package org.vfioworkbench.ui.info;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.util.converter.NumberStringConverter;

/** The INFO reply of the selected device, as the kernel fills {@code vfio_pci_hot_reset_info}. */
public final class InfoView extends BorderPane {

  private final Label caller = new Label();
  private final Label ret = new Label();
  private final Label flags = new Label();
  private final Label count = new Label();
  private final Label note = new Label();
  private final Label compare = new Label();
  private final TableView<InfoEntryRow> table = new TableView<>();

  public InfoView(InfoViewModel vm) {
    getStyleClass().add("info-view");
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
    setCenter(table);
    vm.replyProperty().addListener((o, a, b) -> show(b));
    show(vm.replyProperty().get());
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
    table.getItems().setAll(r.entries());
  }
}
