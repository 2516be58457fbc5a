package org.vfioworkbench.ui.outcomes;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.report.ReviewReport;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.common.ShownRefresh;
import org.vfioworkbench.ui.state.Derivation;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.OutcomeRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/** Every vfio device fd × every HOT_RESET construction, as ✔ or errno. */
public final class ResetOutcomesViewModel {

  private final WorkbenchState state;
  private final ShownRefresh shown = new ShownRefresh(this::refresh);
  private final Derivation table;
  private final ObservableList<OutcomeRow> rows = FXCollections.observableArrayList();

  /**
   * The last table worked out, shown or not: the next one takes from it the rows an edit cannot
   * have changed. Written and read by the table's computations, which run one at a time.
   */
  private volatile OutcomeTable.Built lastBuilt;

  public ResetOutcomesViewModel(WorkbenchState state) {
    this.state = state;
    this.table = state.derivation("Working out the reset outcomes");
    state.resultsProperty().addListener((o, a, b) -> shown.request());
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
      rows.setAll(List.of());
      return;
    }
    table.request(
        (r, progress) -> {
          OutcomeTable.Built built =
              OutcomeTable.update(lastBuilt, r.analysis(), r.compare(), progress::isCancelled);
          lastBuilt = built;
          return built.rows();
        },
        rows::setAll);
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

  /**
   * The rows as the report writes them: each fd's variants line ("qemu-cdev:4 0000:02:00.0 empty
   * array zero-length array → -EINVAL; ...") and what QEMU would print.
   */
  public String copyText(List<OutcomeRow> selected) {
    WorkbenchState.Results r = state.results();
    if (r == null) {
      return "";
    }
    List<String> out = new java.util.ArrayList<>();
    for (OutcomeRow row : selected) {
      if (r.analysis().topology().file(row.fd()).isPresent()) {
        out.add(ReviewReport.variantsLine(r.analysis(), row.fd()));
        out.addAll(row.qemu());
      }
    }
    return String.join("\n", out);
  }

  /** Shows the natural reset of the row's fd in the Trace view. */
  public void showTrace(OutcomeRow row) {
    WorkbenchState.Results r = state.results();
    if (r != null && r.analysis().topology().file(row.fd()).isPresent()) {
      open(row.fd(), r.analysis().naturalReset(row.fd()).kind());
    }
  }

  /** Selects the row's device fd everywhere, the graph included. */
  public void selectInGraph(OutcomeRow row) {
    state.select(new ElementRef.FileRef(row.fd()));
  }

  /** The IOMMU group of the row's device, if it has one. */
  public java.util.Optional<Integer> groupOf(OutcomeRow row) {
    return state
        .topology()
        .file(row.fd())
        .flatMap(org.vfioworkbench.model.OpenFile::openedDevice)
        .flatMap(state.topology()::function)
        .filter(f -> f.iommuGroup().isPresent())
        .map(f -> f.iommuGroup().getAsInt());
  }

  /** Selects the row's device's IOMMU group. */
  public void openGroup(OutcomeRow row) {
    groupOf(row).ifPresent(g -> state.select(new ElementRef.GroupRef(g)));
  }
}
