package org.vfioworkbench.ui.explain;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Why not, and how to fix it": the selected device fd's natural reset, the kernel check that
 * decided it, what QEMU would print, the functions in the way with who holds them, and the verified
 * remedies, cheapest first, each with an Apply button (disabled, with the reason, in read-only
 * documents).
 */
public final class ExplainView extends BorderPane {

  private final ExplainViewModel vm;
  private final Label caller = new Label();
  private final Label verdict = new Label();
  private final Label decidedBy = new Label();
  private final VBox qemu = new VBox(2);
  private final TableView<BlockerRow> blockers = new TableView<>();
  private final VBox remedies = new VBox(6);
  private final Label footer = new Label();
  private final Label readOnly = new Label();
  private final Label message = new Label();

  public ExplainView(ExplainViewModel vm) {
    this.vm = vm;
    getStyleClass().add("explain-view");
    caller.getStyleClass().add("info-caller");
    caller.setId("explain-caller");
    caller.setWrapText(true);
    verdict.setId("explain-verdict");
    verdict.setWrapText(true);
    decidedBy.setId("explain-decided-by");
    decidedBy.setWrapText(true);
    decidedBy.getStyleClass().add("info-note");
    qemu.setId("explain-qemu");
    footer.setId("explain-footer");
    footer.setWrapText(true);
    readOnly.setId("explain-read-only");
    readOnly.setWrapText(true);
    readOnly.getStyleClass().add("compare-note");
    readOnly.textProperty().bind(vm.readOnlyReasonProperty());
    readOnly.managedProperty().bind(readOnly.textProperty().isNotEmpty());
    readOnly.visibleProperty().bind(readOnly.managedProperty());
    message.setId("explain-message");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    message.visibleProperty().bind(message.managedProperty());

    VBox header = new VBox(3, caller, verdict, decidedBy, qemu);
    header.setPadding(new Insets(6));

    blockers.setId("explain-blockers");
    blockers.getColumns().add(col("in the way", BlockerRow::function, 110));
    blockers.getColumns().add(col("group", BlockerRow::group, 50));
    blockers.getColumns().add(col("driver", BlockerRow::driver, 80));
    blockers.getColumns().add(col("held by", BlockerRow::holders, 150));
    blockers.getColumns().add(col("why", BlockerRow::why, 260));
    blockers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    blockers.setPlaceholder(new Label("nothing in the way"));
    VBox left = new VBox(header, blockers);
    VBox.setVgrow(blockers, Priority.ALWAYS);

    Label remediesTitle =
        new Label("How to fix it (each verified: the kernel allows it, then the reset succeeds)");
    remediesTitle.getStyleClass().add("field-name");
    remediesTitle.setWrapText(true);
    remedies.setId("explain-remedies");
    ProgressIndicator working = new ProgressIndicator();
    working.setMaxSize(24, 24);
    working.visibleProperty().bind(vm.busyProperty());
    working.managedProperty().bind(vm.busyProperty());
    VBox right = new VBox(6, remediesTitle, working, readOnly, remedies, footer, message);
    right.setPadding(new Insets(6));
    right.setFillWidth(true);
    ScrollPane scroll = new ScrollPane(right);
    scroll.setFitToWidth(true);

    SplitPane split = new SplitPane(left, scroll);
    split.setDividerPositions(0.55);
    setCenter(split);
    vm.reportProperty().addListener((o, a, b) -> show(b));
    vm.readOnlyReasonProperty().addListener((o, a, b) -> show(vm.reportProperty().get()));
    show(vm.reportProperty().get());
  }

  private static TableColumn<BlockerRow, String> col(
      String name, Function<BlockerRow, String> f, double w) {
    TableColumn<BlockerRow, String> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
    c.setPrefWidth(w);
    return c;
  }

  private void show(ExplainReport r) {
    caller.setText(r.caller());
    verdict.setText(r.verdict());
    decidedBy.setText(r.decidedBy());
    qemu.getChildren().clear();
    for (String line : r.qemu()) {
      Label l = new Label("QEMU would print: " + line);
      l.setWrapText(true);
      l.getStyleClass().add("qemu-line");
      qemu.getChildren().add(l);
    }
    blockers.getItems().setAll(r.blockers());
    remedies.getChildren().clear();
    for (RemedyRow m : r.remedies()) {
      remedies.getChildren().add(remedy(m));
    }
    footer.setText(r.footer());
    footer.setManaged(!r.footer().isEmpty());
    footer.setVisible(!r.footer().isEmpty());
  }

  private HBox remedy(RemedyRow m) {
    Label title = new Label(m.rank() + ". " + m.title());
    title.setWrapText(true);
    title.setStyle("-fx-font-weight: bold;");
    Label cost = new Label("cost: " + m.cost());
    cost.setWrapText(true);
    VBox text = new VBox(2, title, cost);
    HBox.setHgrow(text, Priority.ALWAYS);
    Button apply = new Button("Apply");
    apply.setId("explain-apply-" + m.rank());
    apply.setMinWidth(64);
    String why = vm.readOnlyReasonProperty().get();
    apply.setDisable(!why.isEmpty());
    apply.setTooltip(new Tooltip(why.isEmpty() ? "Apply as one undoable edit: " + m.title() : why));
    apply.setOnAction(e -> vm.apply(m));
    HBox row = new HBox(8, apply, text);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add("explain-remedy");
    return row;
  }
}
