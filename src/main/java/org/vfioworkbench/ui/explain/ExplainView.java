package org.vfioworkbench.ui.explain;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
  private final VBox blockers = new VBox(2);
  private final Label blockersTitle = section("In the way");
  private final Label remediesTitle =
      section("How to fix it (each verified: the kernel allows it, then the reset succeeds)");
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
    caller.setMinHeight(Region.USE_PREF_SIZE);
    verdict.setId("explain-verdict");
    verdict.setWrapText(true);
    verdict.setMinHeight(Region.USE_PREF_SIZE);
    decidedBy.setId("explain-decided-by");
    decidedBy.setWrapText(true);
    decidedBy.setMinHeight(Region.USE_PREF_SIZE);
    decidedBy.getStyleClass().add("info-note");
    qemu.setId("explain-qemu");
    footer.setId("explain-footer");
    footer.setWrapText(true);
    footer.setMinHeight(Region.USE_PREF_SIZE);
    readOnly.setId("explain-read-only");
    readOnly.setWrapText(true);
    readOnly.setMinHeight(Region.USE_PREF_SIZE);
    readOnly.getStyleClass().add("compare-note");
    readOnly.textProperty().bind(vm.readOnlyReasonProperty());
    readOnly.managedProperty().bind(readOnly.textProperty().isNotEmpty());
    readOnly.visibleProperty().bind(readOnly.managedProperty());
    message.setId("explain-message");
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.textProperty().bind(vm.messageProperty());
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    message.visibleProperty().bind(message.managedProperty());

    blockers.setId("explain-blockers");
    remedies.setId("explain-remedies");
    ProgressIndicator working = new ProgressIndicator();
    working.setMaxSize(24, 24);
    working.visibleProperty().bind(vm.busyProperty());
    working.managedProperty().bind(vm.busyProperty());
    VBox all =
        new VBox(
            4,
            caller,
            verdict,
            decidedBy,
            qemu,
            blockersTitle,
            blockers,
            remediesTitle,
            working,
            readOnly,
            remedies,
            footer,
            message);
    all.setPadding(new Insets(6));
    all.setFillWidth(true);
    ScrollPane scroll = new ScrollPane(all);
    scroll.setFitToWidth(true);
    setCenter(scroll);
    vm.reportProperty().addListener((o, a, b) -> show(b));
    vm.readOnlyReasonProperty().addListener((o, a, b) -> show(vm.reportProperty().get()));
    show(vm.reportProperty().get());
    org.vfioworkbench.ui.common.ShownRefresh.follow(this, vm::setShown);
  }

  private static Label section(String text) {
    Label l = wrapping(text);
    l.getStyleClass().add("field-name");
    l.setPadding(new Insets(6, 0, 0, 0));
    return l;
  }

  private static Label wrapping(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private void show(ExplainReport r) {
    caller.setText(r.caller());
    verdict.setText(r.verdict());
    decidedBy.setText(r.decidedBy());
    qemu.getChildren().clear();
    for (String line : r.qemu()) {
      Label l = wrapping("QEMU would print: " + line);
      l.getStyleClass().add("qemu-line");
      qemu.getChildren().add(l);
    }
    blockers.getChildren().clear();
    for (BlockerRow b : r.blockers()) {
      blockers
          .getChildren()
          .add(
              wrapping(
                  b.function()
                      + " (group "
                      + b.group()
                      + ", "
                      + b.driver()
                      + "), held by "
                      + b.holders()
                      + ": "
                      + b.why()));
    }
    boolean failed = !r.decidedBy().isEmpty();
    blockersTitle.setManaged(failed);
    blockersTitle.setVisible(failed);
    remediesTitle.setManaged(failed);
    remediesTitle.setVisible(failed);
    remedies.getChildren().clear();
    for (RemedyRow m : r.remedies()) {
      remedies.getChildren().add(remedy(m));
    }
    footer.setText(r.footer());
    footer.setManaged(!r.footer().isEmpty());
    footer.setVisible(!r.footer().isEmpty());
  }

  private HBox remedy(RemedyRow m) {
    Label title = wrapping(m.rank() + ". " + m.title());
    title.setStyle("-fx-font-weight: bold;");
    Label cost = wrapping("cost: " + m.cost());
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
