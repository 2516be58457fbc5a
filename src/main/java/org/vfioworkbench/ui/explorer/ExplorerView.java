package org.vfioworkbench.ui.explorer;

import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Topology Explorer: a mode switch, a filter field and the tree; binds to its view model. */
public final class ExplorerView extends BorderPane {

  private final ExplorerViewModel vm;
  private final TreeView<TreeEntry> tree = new TreeView<>();
  private boolean syncing;

  public ExplorerView(ExplorerViewModel vm) {
    this.vm = vm;
    ChoiceBox<ExplorerMode> mode = new ChoiceBox<>();
    mode.getItems().setAll(ExplorerMode.values());
    mode.valueProperty().bindBidirectional(vm.modeProperty());
    mode.setTooltip(
        new Tooltip("Order the tree by PCI hierarchy, IOMMU group, reset scope or holder"));
    TextField filter = new TextField();
    filter.setPromptText("Type to filter");
    filter.textProperty().bindBidirectional(vm.filterProperty());
    HBox.setHgrow(filter, Priority.ALWAYS);
    VBox top = new VBox(4, mode, filter);
    top.setStyle("-fx-padding: 4");
    mode.setMaxWidth(Double.MAX_VALUE);
    setTop(top);
    setCenter(tree);
    tree.setShowRoot(false);
    tree.setCellFactory(
        t ->
            new TreeCell<>() {
              @Override
              protected void updateItem(TreeEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.label());
                setTooltip(
                    empty || e == null || e.detail().isEmpty() ? null : new Tooltip(e.detail()));
              }
            });
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (!syncing && b != null && b.getValue().ref() != null) {
                vm.select(b.getValue().ref());
              }
            });
    vm.rootProperty().addListener((o, a, b) -> show(b));
    vm.selectionProperty().addListener((o, a, b) -> reveal());
    show(vm.rootProperty().get());
  }

  private void show(TreeEntry root) {
    syncing = true;
    tree.setRoot(root == null ? null : item(root, true));
    syncing = false;
    reveal();
  }

  private TreeItem<TreeEntry> item(TreeEntry e, boolean expand) {
    TreeItem<TreeEntry> it = new TreeItem<>(e);
    it.setExpanded(expand);
    for (TreeEntry c : e.children()) {
      it.getChildren().add(item(c, e.children().size() < 40));
    }
    return it;
  }

  private void reveal() {
    TreeItem<TreeEntry> root = tree.getRoot();
    if (root == null) {
      return;
    }
    List<TreeEntry> path = root.getValue().pathTo(vm.selectionProperty().get());
    TreeItem<TreeEntry> at = root;
    for (int i = 1; i < path.size() && at != null; i++) {
      TreeEntry want = path.get(i);
      at.setExpanded(true);
      at = at.getChildren().stream().filter(c -> c.getValue() == want).findFirst().orElse(null);
    }
    if (at != null && at != root) {
      syncing = true;
      tree.getSelectionModel().select(at);
      syncing = false;
    }
  }
}
