package org.vfioworkbench.ui.properties;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/** ControlsFX PropertySheet over the view model's rows. */
public final class PropertiesView extends BorderPane {

  private final PropertySheet sheet = new PropertySheet();

  public PropertiesView(PropertiesViewModel vm) {
    Label title = new Label();
    title.textProperty().bind(vm.titleProperty());
    title.getStyleClass().add("view-title");
    Label message = new Label();
    message.textProperty().bind(vm.messageProperty());
    message.getStyleClass().add("refusal");
    message.setWrapText(true);
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    setTop(new VBox(title, message));
    sheet.setMode(PropertySheet.Mode.NAME);
    sheet.setModeSwitcherVisible(false);
    sheet.setSearchBoxVisible(false);
    setCenter(sheet);
    vm.rows().addListener((javafx.collections.ListChangeListener<PropertyRow>) c -> show(vm));
    show(vm);
  }

  private void show(PropertiesViewModel vm) {
    sheet.getItems().setAll(vm.rows().stream().map(r -> new RowItem(r, vm)).toList());
  }

  /** Adapts a {@link PropertyRow} to the sheet. */
  private static final class RowItem implements PropertySheet.Item {
    private final PropertyRow row;
    private final PropertiesViewModel vm;

    RowItem(PropertyRow row, PropertiesViewModel vm) {
      this.row = row;
      this.vm = vm;
    }

    @Override
    public Class<?> getType() {
      return row.type();
    }

    @Override
    public String getCategory() {
      return row.category();
    }

    @Override
    public String getName() {
      return row.name();
    }

    @Override
    public String getDescription() {
      return row.description()
          + (row.editable() ? " (editable, undoable)" : " (derived, read-only)");
    }

    @Override
    public Object getValue() {
      return row.value();
    }

    @Override
    public void setValue(Object value) {
      if (row.editable() && value != null && !value.equals(row.value())) {
        vm.later(() -> row.setter().accept(value));
      }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
      return Optional.empty();
    }

    @Override
    public boolean isEditable() {
      return row.editable();
    }
  }
}
