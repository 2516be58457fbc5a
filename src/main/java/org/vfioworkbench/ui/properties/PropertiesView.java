package org.vfioworkbench.ui.properties;

import java.util.List;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vfioworkbench.ui.common.Copyable;

/**
 * The selection's properties by category: read-only facts as text (wrapped, selectable, with the
 * fact's description as tooltip), editable values as editors (a choice, a check box). The rows are
 * built again from the view model after every edit, so an editor never shows a value the workbench
 * refused. Edit › Copy copies every row as "name: value".
 */
public final class PropertiesView extends VBox implements Copyable {

  private final PropertiesViewModel vm;
  private final GridPane grid = new GridPane();
  private final Map<String, Slot> pool = new java.util.HashMap<>();
  private final Map<String, Label> headings = new java.util.HashMap<>();
  private List<String> shownLayout = List.of("none");

  public PropertiesView(PropertiesViewModel vm) {
    this.vm = vm;
    getStyleClass().add("properties-view");
    Label title = new Label();
    title.textProperty().bind(vm.titleProperty());
    title.getStyleClass().add("view-title");
    title.setWrapText(true);
    Label message = new Label();
    message.textProperty().bind(vm.messageProperty());
    message.getStyleClass().add("refusal");
    message.setWrapText(true);
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    message.visibleProperty().bind(message.textProperty().isNotEmpty());
    grid.setId("properties-grid");
    grid.setHgap(10);
    grid.setVgap(4);
    grid.setPadding(new Insets(4, 8, 8, 8));
    ColumnConstraints names = new ColumnConstraints();
    names.setPercentWidth(42);
    names.setHalignment(HPos.LEFT);
    ColumnConstraints values = new ColumnConstraints();
    values.setPercentWidth(58);
    values.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(names, values);
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("properties-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    VBox head = new VBox(2, title, message);
    head.setPadding(new Insets(6, 8, 2, 8));
    getChildren().addAll(head, scroll);
    vm.rows().addListener((javafx.collections.ListChangeListener<PropertyRow>) c -> show());
    show();
    org.vfioworkbench.ui.common.ShownRefresh.follow(this, vm::setShown);
  }

  /**
   * Shows the rows. Each row keeps its nodes across selections: a row with the same category, name
   * and kind of value as one shown before (selecting another function, or back) reuses that row's
   * label and editor and only changes their texts and values; only rows never shown before make
   * nodes. When the rows keep their order the grid is not even re-filled.
   */
  private void show() {
    List<PropertyRow> rows = List.copyOf(vm.rows());
    List<String> layout = new java.util.ArrayList<>();
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (PropertyRow r : rows) {
      String k = slotKey(r);
      int n = seen.merge(k, 1, Integer::sum);
      layout.add(n == 1 ? k : k + "#" + n);
    }
    List<Slot> slots = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Slot slot = pool.get(layout.get(i));
      if (slot == null) {
        slot = slot(rows.get(i));
        pool.put(layout.get(i), slot);
      }
      slot.row = rows.get(i);
      update(slot, rows.get(i));
      slots.add(slot);
    }
    if (layout.equals(shownLayout)) {
      return;
    }
    shownLayout = layout;
    List<Node> children = new java.util.ArrayList<>();
    int y = 0;
    String category = null;
    for (int i = 0; i < rows.size(); i++) {
      String c = rows.get(i).category();
      if (!c.equals(category)) {
        category = c;
        Label heading = headings.computeIfAbsent(c, PropertiesView::heading);
        GridPane.setConstraints(heading, 0, y++, 2, 1);
        children.add(heading);
      }
      Slot slot = slots.get(i);
      GridPane.setConstraints(slot.name, 0, y, 1, 1, HPos.LEFT, VPos.TOP);
      GridPane.setConstraints(slot.value, 1, y++);
      GridPane.setHgrow(slot.value, Priority.ALWAYS);
      children.add(slot.name);
      children.add(slot.value);
    }
    grid.getChildren().setAll(children);
  }

  private static Label heading(String category) {
    Label heading = new Label(category);
    heading.getStyleClass().add("properties-category");
    return heading;
  }

  /** The nodes of a row never shown before. */
  private Slot slot(PropertyRow r) {
    Label name = new Label(r.name());
    name.setWrapText(true);
    name.setMinHeight(Region.USE_PREF_SIZE);
    name.getStyleClass().add("property-name");
    name.setTooltip(new Tooltip(r.description()));
    Slot slot = new Slot(name);
    slot.value = r.editable() ? editor(slot, r) : fact(r);
    return slot;
  }

  /** What decides a row's nodes: its category, name and kind of value. */
  private static String slotKey(PropertyRow r) {
    return r.category() + "\u0000" + r.name() + "\u0000" + r.type().getName() + r.editable();
  }

  /** The nodes of one row, its name and its value (a fact's label or an editor), and its row. */
  private static final class Slot {
    final Label name;
    Node value;
    PropertyRow row;

    Slot(Label name) {
      this.name = name;
    }
  }

  /** Puts {@code r}'s texts and value into the nodes of a row of the same kind. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void update(Slot slot, PropertyRow r) {
    slot.name.getTooltip().setText(r.description());
    if (!r.editable()) {
      Label l = (Label) slot.value;
      l.setText(String.valueOf(r.value()));
      l.getTooltip().setText(factTip(r));
      return;
    }
    javafx.scene.control.Control c = (javafx.scene.control.Control) slot.value;
    c.getTooltip().setText(editorTip(r));
    if (c instanceof CheckBox box) {
      box.setSelected(Boolean.TRUE.equals(r.value()));
    } else if (c instanceof ComboBox box) {
      box.setValue(r.value());
    } else if (c instanceof TextField t) {
      t.setText(String.valueOf(r.value()));
    }
  }

  private static String factTip(PropertyRow r) {
    return r.value() + "\n" + r.description() + " (derived, read-only)";
  }

  private static String editorTip(PropertyRow r) {
    return r.description() + "\n(editable, undoable)";
  }

  /**
   * A read-only fact: plain text that wraps (never cut, never a greyed-out field); Edit › Copy
   * gives it as text.
   */
  private static Node fact(PropertyRow r) {
    Label l = new Label(String.valueOf(r.value()));
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.getStyleClass().add("fact-label");
    l.setTooltip(new Tooltip(factTip(r)));
    return l;
  }

  /** An editor for an editable value; a change goes to the row's setter as an undoable edit. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Node editor(Slot slot, PropertyRow r) {
    Node n;
    if (r.type() == Boolean.class) {
      CheckBox c = new CheckBox();
      c.setSelected(Boolean.TRUE.equals(r.value()));
      c.setOnAction(e -> commit(slot.row, c.isSelected()));
      n = c;
    } else if (r.type().isEnum()) {
      ComboBox box = new ComboBox();
      box.getItems().setAll((Object[]) r.type().getEnumConstants());
      box.setValue(r.value());
      box.setMaxWidth(Double.MAX_VALUE);
      box.setOnAction(e -> commit(slot.row, box.getValue()));
      n = box;
    } else {
      TextField t = new TextField(String.valueOf(r.value()));
      t.setOnAction(e -> commit(slot.row, t.getText()));
      n = t;
    }
    if (n instanceof javafx.scene.control.Control c) {
      c.setTooltip(new Tooltip(editorTip(r)));
    }
    n.getStyleClass().add("property-editor");
    return n;
  }

  private void commit(PropertyRow r, Object value) {
    if (value != null && !value.equals(r.value())) {
      vm.later(() -> r.setter().accept(value));
    }
  }

  @Override
  public String copyText() {
    vm.upToDate();
    StringBuilder b = new StringBuilder();
    if (!vm.rows().isEmpty()) {
      b.append(vm.titleProperty().get()).append('\n');
    }
    for (PropertyRow r : vm.rows()) {
      b.append(r.name()).append(": ").append(r.value()).append('\n');
    }
    return b.toString();
  }
}
