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
public final class ExplorerView extends BorderPane implements org.vfioworkbench.ui.common.Copyable {

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
    org.vfioworkbench.ui.common.FixedRows.measuredOnce(tree);
    tree.addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        k -> {
          if (org.vfioworkbench.ui.common.Cells.COPY.match(k)) {
            org.vfioworkbench.ui.common.Cells.copy(copyText());
            k.consume();
          }
        });
    // Right/+ expand and Left/- collapse a bridge's subtree in the graph as in the tree; Enter
    // reveals the row in the graph. A filter: the tree's own Right/Left still open its rows.
    tree.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::graphKey);
    tree.setCellFactory(
        t ->
            new TreeCell<>() {
              private final Tooltip tip = new Tooltip();

              {
                // the menu is made when asked for, not on every update of the cell
                setOnContextMenuRequested(
                    ev -> {
                      TreeEntry e = getItem();
                      if (!isEmpty() && e != null) {
                        menu(e).show(this, ev.getScreenX(), ev.getScreenY());
                        ev.consume();
                      }
                    });
              }

              @Override
              protected void updateItem(TreeEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.label());
                setTooltip(
                    empty || e == null
                        ? null
                        : org.vfioworkbench.ui.common.Cells.tip(
                            tip, e.detail().isEmpty() ? e.label() : e.label() + "\n" + e.detail()));
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

  private void graphKey(javafx.scene.input.KeyEvent k) {
    TreeItem<TreeEntry> it = tree.getSelectionModel().getSelectedItem();
    if (it == null || it.getValue().ref() == null) {
      return;
    }
    var ref = it.getValue().ref();
    switch (k.getCode()) {
      case RIGHT -> vm.setCollapsedInGraph(ref, false);
      case LEFT -> vm.setCollapsedInGraph(ref, true);
      case ADD, PLUS, EQUALS -> {
        vm.setCollapsedInGraph(ref, false);
        it.setExpanded(true);
        k.consume();
      }
      case SUBTRACT, MINUS -> {
        vm.setCollapsedInGraph(ref, true);
        it.setExpanded(false);
        k.consume();
      }
      case ENTER -> {
        vm.revealInGraph(ref);
        k.consume();
      }
      default -> {}
    }
  }

  private javafx.scene.control.ContextMenu menu(TreeEntry e) {
    javafx.scene.control.MenuItem select =
        org.vfioworkbench.ui.common.Cells.item("Select in graph", () -> vm.revealInGraph(e.ref()));
    select.setDisable(e.ref() == null);
    javafx.scene.control.MenuItem expand =
        org.vfioworkbench.ui.common.Cells.item(
            "Expand in graph", () -> vm.setCollapsedInGraph(e.ref(), false));
    javafx.scene.control.MenuItem collapse =
        org.vfioworkbench.ui.common.Cells.item(
            "Collapse in graph", () -> vm.setCollapsedInGraph(e.ref(), true));
    boolean bridge = vm.bridge(e.ref()).isPresent();
    expand.setDisable(!bridge);
    collapse.setDisable(!bridge);
    return org.vfioworkbench.ui.common.Cells.menu(
        java.util.List.of(
            org.vfioworkbench.ui.common.Cells.copyItem(this), select, expand, collapse));
  }

  /** The selected entry and everything below it, indented, with its detail. */
  @Override
  public String copyText() {
    TreeItem<TreeEntry> it = tree.getSelectionModel().getSelectedItem();
    if (it == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    lines(it.getValue(), "", b);
    return b.toString().stripTrailing();
  }

  static void lines(TreeEntry e, String indent, StringBuilder b) {
    b.append(indent).append(e.label());
    if (!e.detail().isEmpty()) {
      b.append("  (").append(e.detail()).append(')');
    }
    b.append('\n');
    e.children().forEach(c -> lines(c, indent + "  ", b));
  }

  /**
   * Shows {@code root}, keeping the rows that still show the same element (their expanded state,
   * and with them the selection and scroll position): an edit changes a few rows' details, and
   * rebuilding every row would fold back what the user had opened.
   */
  private void show(TreeEntry root) {
    syncing = true;
    TreeItem<TreeEntry> shown = tree.getRoot();
    if (root == null || shown == null || !sameRow(shown.getValue(), root)) {
      tree.setRoot(root == null ? null : item(root, true));
    } else {
      update(shown, root);
    }
    syncing = false;
    reveal();
  }

  /** Makes {@code it} show {@code e}, reusing the child rows that show the same elements. */
  static void update(TreeItem<TreeEntry> it, TreeEntry e) {
    if (it.getValue().equals(e)) {
      return; // nothing in this subtree shows differently
    }
    it.setValue(e);
    javafx.collections.ObservableList<TreeItem<TreeEntry>> old = it.getChildren();
    java.util.Map<Object, java.util.Deque<TreeItem<TreeEntry>>> byRow = new java.util.HashMap<>();
    for (TreeItem<TreeEntry> c : old) {
      byRow.computeIfAbsent(rowKey(c.getValue()), k -> new java.util.ArrayDeque<>()).add(c);
    }
    List<TreeItem<TreeEntry>> next = new java.util.ArrayList<>(e.children().size());
    for (TreeEntry c : e.children()) {
      java.util.Deque<TreeItem<TreeEntry>> same = byRow.get(rowKey(c));
      TreeItem<TreeEntry> kept = same == null ? null : same.poll();
      if (kept == null) {
        next.add(item(c, e.children().size() < 40));
      } else {
        update(kept, c);
        next.add(kept);
      }
    }
    if (!next.equals(old)) {
      old.setAll(next);
    }
  }

  /** What a row stands for: the element it selects, or its label for a heading. */
  private static Object rowKey(TreeEntry e) {
    return e.ref() != null ? e.ref() : e.label();
  }

  private static boolean sameRow(TreeEntry a, TreeEntry b) {
    return rowKey(a).equals(rowKey(b));
  }

  private static TreeItem<TreeEntry> item(TreeEntry e, boolean expand) {
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
