package org.vfioworkbench.ui.problems;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Diagnostics;
import org.vfioworkbench.ui.state.WorkbenchState;

/** The Problems view's rows: the engine's diagnostics, recomputed on every change. */
public final class ProblemsViewModel {

  private final WorkbenchState state;
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();

  public ProblemsViewModel(WorkbenchState state) {
    this.state = state;
    state.resultsProperty().addListener((o, a, b) -> refresh());
    state.hostFactsProperty().addListener((o, a, b) -> refresh());
    refresh();
  }

  private void refresh() {
    if (state.results() == null) {
      problems.setAll(List.of());
      return;
    }
    List<Diagnostic> scanFacts = state.hostFactsProperty().get();
    state.derive(
        r ->
            java.util.stream.Stream.concat(
                    Diagnostics.of(r.analysis()).stream(), scanFacts.stream())
                .map(Problem::of)
                .toList(),
        problems::setAll);
  }

  public ObservableList<Problem> problems() {
    return problems;
  }

  /** Goes to the culprit: selects it everywhere. */
  public void goTo(Problem p) {
    if (p.culprit() != null) {
      state.select(p.culprit());
    }
  }
}
