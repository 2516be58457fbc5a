package org.vfioworkbench.ui.problems;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Diagnostics;
import org.vfioworkbench.engine.report.ResultText;
import org.vfioworkbench.ui.common.ShownRefresh;
import org.vfioworkbench.ui.state.Derivation;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.OutcomeRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/** The Problems view's rows: the engine's diagnostics, recomputed on every change. */
public final class ProblemsViewModel {

  private final WorkbenchState state;
  private final ShownRefresh shown = new ShownRefresh(this::refresh);
  private final Derivation listing;
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();

  public ProblemsViewModel(WorkbenchState state) {
    this.state = state;
    this.listing = state.derivation("Listing the problems");
    state.resultsProperty().addListener((o, a, b) -> shown.request());
    state.hostFactsProperty().addListener((o, a, b) -> shown.request());
    shown.request();
  }

  /**
   * Whether the view is shown: while it is not (a tab behind another, a closed view), a change only
   * marks the content stale, and it is worked out once when the view is shown again.
   */
  public void setShown(boolean on) {
    shown.setShown(on);
  }

  /** How often the content was asked for (for tests: a hidden view computes nothing). */
  int refreshes() {
    return shown.runs();
  }

  private void refresh() {
    if (state.results() == null) {
      problems.setAll(List.of());
      return;
    }
    List<Diagnostic> scanFacts = state.hostFactsProperty().get();
    listing.request(
        (r, progress) ->
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

  /** The problems as the report's diagnostics section lists them, a line each. */
  public static String copyText(List<Problem> selected) {
    return String.join(
        "\n", selected.stream().map(p -> ResultText.diagnostic(p.diagnostic())).toList());
  }

  /** The IOMMU group of the culprit (a group, or a function's group), if any. */
  public java.util.Optional<Integer> groupOf(Problem p) {
    if (p.culprit() instanceof ElementRef.GroupRef g) {
      return java.util.Optional.of(g.group());
    }
    if (p.culprit() instanceof ElementRef.FunctionRef f) {
      return state.topology().function(f.bdf()).stream()
          .filter(fn -> fn.iommuGroup().isPresent())
          .map(fn -> fn.iommuGroup().getAsInt())
          .findFirst();
    }
    return java.util.Optional.empty();
  }

  /** Selects the culprit's IOMMU group everywhere. */
  public void openGroup(Problem p) {
    groupOf(p).ifPresent(g -> state.select(new ElementRef.GroupRef(g)));
  }

  /** Whether the problem is about a device fd, whose natural reset has a trace. */
  public boolean hasTrace(Problem p) {
    return p.culprit() instanceof ElementRef.FileRef f
        && state.results() != null
        && state.results().analysis().deviceFds().contains(f.fd());
  }

  /** Shows the natural reset of the problem's device fd in the Trace view. */
  public void showTrace(Problem p) {
    if (hasTrace(p) && p.culprit() instanceof ElementRef.FileRef f) {
      state.select(f);
      state
          .selectedOutcomeProperty()
          .set(new OutcomeRef(f.fd(), state.results().analysis().naturalReset(f.fd()).kind()));
    }
  }
}
