package org.vfioworkbench.ui.properties;

import java.util.LinkedHashMap;
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
  private final List<Slot> slots = new java.util.ArrayList<>();
  private List<String> shownLayout = List.of("none");
  private PropertyRow[] shown = new PropertyRow[0];

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
   * Shows the rows. When they have the same categories, names and kinds of value as the rows shown
   * (selecting another function of the same sort), the nodes shown are kept and only their texts
   * and values change; otherwise the grid is built anew.
   */
  private void show() {
    List<PropertyRow> rows = List.copyOf(vm.rows());
    List<String> layout = rows.stream().map(PropertiesView::slotKey).toList();
    if (layout.equals(shownLayout)) {
      for (int i = 0; i < rows.size(); i++) {
        shown[i] = rows.get(i);
        update(slots.get(i), rows.get(i));
      }
      return;
    }
    shownLayout = layout;
    shown = rows.toArray(new PropertyRow[0]);
    slots.clear();
    grid.getChildren().clear();
    Map<String, List<Integer>> byCategory = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byCategory.computeIfAbsent(rows.get(i).category(), k -> new java.util.ArrayList<>()).add(i);
    }
    Slot[] made = new Slot[rows.size()];
    int y = 0;
    for (Map.Entry<String, List<Integer>> e : byCategory.entrySet()) {
      Label heading = new Label(e.getKey());
      heading.getStyleClass().add("properties-category");
      grid.add(heading, 0, y++, 2, 1);
      for (int i : e.getValue()) {
        PropertyRow r = rows.get(i);
        Label name = new Label(r.name());
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.getStyleClass().add("property-name");
        name.setTooltip(new Tooltip(r.description()));
        GridPane.setValignment(name, VPos.TOP);
        Node value = r.editable() ? editor(i, r) : fact(r);
        GridPane.setHgrow(value, Priority.ALWAYS);
        grid.add(name, 0, y);
        grid.add(value, 1, y++);
        made[i] = new Slot(name, value);
      }
    }
    slots.addAll(java.util.Arrays.asList(made));
  }

  /** What decides a row's nodes: its category, name and kind of value. */
  private static String slotKey(PropertyRow r) {
    return r.category() + "\u0000" + r.name() + "\u0000" + r.type().getName() + r.editable();
  }

  /** The nodes of one row: its name and its value (a fact's label or an editor). */
  private record Slot(Label name, Node value) {}

  /** Puts {@code r}'s texts and value into the nodes of a row of the same kind. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void update(Slot slot, PropertyRow r) {
    slot.name().getTooltip().setText(r.description());
    if (!r.editable()) {
      Label l = (Label) slot.value();
      l.setText(String.valueOf(r.value()));
      l.getTooltip().setText(factTip(r));
      return;
    }
    javafx.scene.control.Control c = (javafx.scene.control.Control) slot.value();
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
  private Node editor(int index, PropertyRow r) {
    Node n;
    if (r.type() == Boolean.class) {
      CheckBox c = new CheckBox();
      c.setSelected(Boolean.TRUE.equals(r.value()));
      c.setOnAction(e -> commit(shown[index], c.isSelected()));
      n = c;
    } else if (r.type().isEnum()) {
      ComboBox box = new ComboBox();
      box.getItems().setAll((Object[]) r.type().getEnumConstants());
      box.setValue(r.value());
      box.setMaxWidth(Double.MAX_VALUE);
      box.setOnAction(e -> commit(shown[index], box.getValue()));
      n = box;
    } else {
      TextField t = new TextField(String.valueOf(r.value()));
      t.setOnAction(e -> commit(shown[index], t.getText()));
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
