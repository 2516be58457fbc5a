package org.vfioworkbench.ui.properties;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.common.ShownRefresh;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/** The Properties view's rows for the current selection; edits become undoable commands. */
public final class PropertiesViewModel implements PropertyRows.EditSink {

  private final WorkbenchState state;
  private final ObservableList<PropertyRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ShownRefresh refresh = new ShownRefresh(this::refresh);

  public PropertiesViewModel(WorkbenchState state) {
    this.state = state;
    state.resultsProperty().addListener((o, a, b) -> refresh.request());
    state.selectionProperty().addListener((o, a, b) -> refresh.request());
    refresh.request();
  }

  /**
   * Whether the Properties view is shown: while it is not, the rows are not worked out; they are
   * when it is shown again.
   */
  public void setShown(boolean shown) {
    refresh.setShown(shown);
  }

  private void refresh() {
    WorkbenchState.Results r = state.results();
    ElementRef sel = state.selectionProperty().get();
    title.set(sel == null ? "Nothing selected" : sel.label());
    rows.setAll(r == null || sel == null ? List.of() : PropertyRows.of(r.analysis(), sel, this));
  }

  /** Brings the rows up to date even while the view is hidden (the graph copies them). */
  public void upToDate() {
    refresh.flush();
  }

  @Override
  public void apply(String label, Topology after) {
    message.set("");
    if (!state.execute(label, after)) {
      refresh();
    }
  }

  @Override
  public void bind(Bdf function, Driver driver) {
    Optional<Attempt> at = state.execute(new Edit.SetDriver(function, driver));
    if (at.isPresent() && !at.get().succeeded()) {
      message.set("Refused: " + at.get().refusal().orElseThrow().headline());
      refresh();
      return;
    }
    message.set("");
    if (at.isEmpty()) {
      refresh();
    }
  }

  /** Runs {@code action} on the UI thread after the current event (an edit committed by a cell). */
  public void later(Runnable action) {
    state.executor().runOnUi(action);
  }

  public ObservableList<PropertyRow> rows() {
    return rows;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** The last refusal, empty when the last edit went through. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
