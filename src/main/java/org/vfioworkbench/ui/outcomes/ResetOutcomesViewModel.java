package org.vfioworkbench.ui.outcomes;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.OutcomeRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/** Every vfio device fd × every HOT_RESET construction, as ✔ or errno. */
public final class ResetOutcomesViewModel {

  private final WorkbenchState state;
  private final ObservableList<OutcomeRow> rows = FXCollections.observableArrayList();

  public ResetOutcomesViewModel(WorkbenchState state) {
    this.state = state;
    state.resultsProperty().addListener((o, a, b) -> refresh());
    refresh();
  }

  private void refresh() {
    if (state.results() == null) {
      rows.setAll(List.of());
      return;
    }
    state.derive(r -> OutcomeTable.build(r.analysis(), r.compare()), rows::setAll);
  }

  public ObservableList<OutcomeRow> rows() {
    return rows;
  }

  /** The columns, in order. */
  public List<ResetVariant.Kind> kinds() {
    return List.of(ResetVariant.Kind.values());
  }

  /** A cell was chosen: show its trace and select its fd everywhere. */
  public void open(FdRef fd, ResetVariant.Kind kind) {
    state.selectedOutcomeProperty().set(new OutcomeRef(fd, kind));
    state.select(new ElementRef.FileRef(fd));
  }
}
