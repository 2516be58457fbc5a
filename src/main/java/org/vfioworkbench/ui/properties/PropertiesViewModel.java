package org.vfioworkbench.ui.properties;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/** The Properties view's rows for the current selection; edits become undoable commands. */
public final class PropertiesViewModel {

  private final WorkbenchState state;
  private final ObservableList<PropertyRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");

  public PropertiesViewModel(WorkbenchState state) {
    this.state = state;
    state.resultsProperty().addListener((o, a, b) -> refresh());
    state.selectionProperty().addListener((o, a, b) -> refresh());
    refresh();
  }

  private void refresh() {
    WorkbenchState.Results r = state.results();
    ElementRef sel = state.selectionProperty().get();
    title.set(sel == null ? "Nothing selected" : sel.label());
    rows.setAll(r == null || sel == null ? List.of()
        : PropertyRows.of(r.analysis(), sel, state::execute));
  }

  public ObservableList<PropertyRow> rows() {
    return rows;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }
}
