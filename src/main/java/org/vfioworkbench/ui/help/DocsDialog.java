package org.vfioworkbench.ui.help;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help › Documentation: the shipped pages in a list, the chosen one as text; "Open in browser"
 * hands the page to the desktop when the application can (HostServices).
 */
public final class DocsDialog {

  private DocsDialog() {}

  /** The dialog's content (also used by tests). */
  public static BorderPane content(Consumer<String> browser) {
    ListView<ShippedDocs.Page> pages = new ListView<>();
    pages.setId("docs-pages");
    pages.getItems().setAll(ShippedDocs.PAGES);
    pages.setCellFactory(
        l ->
            new javafx.scene.control.ListCell<>() {
              @Override
              protected void updateItem(ShippedDocs.Page p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.title());
              }
            });
    TextArea text = new TextArea();
    text.setId("docs-text");
    text.setEditable(false);
    text.setWrapText(true);
    text.getStyleClass().add("docs-text");
    pages
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, p) ->
                text.setText(
                    p == null
                        ? ""
                        : ShippedDocs.read(p)
                            .orElse("This build does not ship " + p.file() + ".")));
    SplitPane split = new SplitPane(pages, text);
    split.setDividerPositions(0.28);
    BorderPane root = new BorderPane(split);
    if (browser != null) {
      Button open = new Button("Open in browser");
      open.setOnAction(
          e -> {
            ShippedDocs.Page p = pages.getSelectionModel().getSelectedItem();
            if (p != null) {
              ShippedDocs.url(p).ifPresent(browser);
            }
          });
      HBox bar = new HBox(8, open);
      bar.setPadding(new Insets(6));
      root.setBottom(bar);
    }
    pages.getSelectionModel().selectFirst();
    return root;
  }

  /** Shows the documentation window over {@code owner}. */
  public static void show(Window owner, Consumer<String> browser) {
    Stage s = new Stage();
    s.initOwner(owner);
    s.setTitle("VFIO Workbench documentation");
    Scene scene = new Scene(content(browser), 960, 680);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    s.setScene(scene);
    s.show();
  }
}
