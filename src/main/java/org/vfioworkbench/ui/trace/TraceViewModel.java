package org.vfioworkbench.ui.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Outcome;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.engine.Verdict;
import org.vfioworkbench.engine.report.ResultText;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.common.DeviceFds;
import org.vfioworkbench.ui.common.ShownRefresh;
import org.vfioworkbench.ui.state.Answers;
import org.vfioworkbench.ui.state.OutcomeRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/**
 * The kernel-check chain of one call: the outcome last chosen in the INFO or Reset outcomes view,
 * or else the natural reset of the selected device.
 */
public final class TraceViewModel {

  private final WorkbenchState state;
  private final ObservableList<TraceRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final ShownRefresh refresh = new ShownRefresh(this::refresh);
  private OutcomeRef subject;

  public TraceViewModel(WorkbenchState state) {
    this.state = state;
    state
        .selectedOutcomeProperty()
        .addListener(
            (o, a, b) -> {
              subject = b;
              refresh.request();
            });
    state
        .selectionProperty()
        .addListener(
            (o, a, b) -> {
              subject = null;
              refresh.request();
            });
    state.resultsProperty().addListener((o, a, b) -> refresh.request());
    refresh.request();
  }

  /**
   * Whether the Trace view is shown: while it is not, the steps are not worked out; they are when
   * it is shown again.
   */
  public void setShown(boolean shown) {
    refresh.setShown(shown);
  }

  /** How often the steps were worked out (for tests). */
  int refreshes() {
    return refresh.runs();
  }

  private void refresh() {
    WorkbenchState.Results r = state.results();
    if (r == null) {
      return;
    }
    Analysis a = r.analysis();
    Answers answers = state.answers(a);
    OutcomeRef shown = subject;
    if (shown == null || a.topology().file(shown.fd()).isEmpty()) {
      Optional<FdRef> fd = answers.callerFor(state.selectionProperty().get());
      shown = fd.map(f -> new OutcomeRef(f, answers.naturalReset(f).kind())).orElse(null);
    }
    if (shown == null) {
      title.set("Select a device fd or a reset outcome to see the kernel's checks.");
      rows.clear();
      return;
    }
    Optional<? extends Outcome> outcome =
        shown.isInfo()
            ? Optional.of(answers.info(shown.fd(), shown.argsz()))
            : answers.replay(shown.fd(), shown.kind());
    String call =
        shown.isInfo()
            ? "GET_PCI_HOT_RESET_INFO (argsz " + shown.argsz() + ")"
            : "PCI_HOT_RESET (" + shown.kind().label() + ")";
    title.set(
        call
            + " on "
            + DeviceFds.describe(a, shown.fd())
            + outcome.map(o -> " \u2192 " + o.retLabel()).orElse(""));
    List<TraceRow> out = new ArrayList<>();
    List<TraceStep> steps = outcome.map(Outcome::trace).orElse(List.of());
    for (int i = 0; i < steps.size(); i++) {
      TraceStep s = steps.get(i);
      out.add(new TraceRow(i + 1, s.function(), s.fact(), s.verdict().name()));
    }
    if (!rows.equals(out)) {
      rows.setAll(out);
    }
  }

  public ObservableList<TraceRow> rows() {
    return rows;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** For tests: whether a variant of this kind is what is shown. */
  boolean showing(ResetVariant.Kind kind) {
    return subject != null && subject.kind() == kind;
  }

  /** The steps as the report writes them: "FAIL vfio_pci_dev_set_hot_reset: ...", a line each. */
  public static String copyText(List<TraceRow> rows) {
    return String.join(
        "\n",
        rows.stream()
            .map(
                r ->
                    ResultText.traceLine(
                        new TraceStep(r.function(), r.fact(), Verdict.valueOf(r.verdict()))))
            .toList());
  }
}
