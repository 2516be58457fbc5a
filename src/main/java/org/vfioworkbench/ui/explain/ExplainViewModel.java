package org.vfioworkbench.ui.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.engine.remedy.Blocker;
import org.vfioworkbench.engine.remedy.Explanation;
import org.vfioworkbench.engine.remedy.HolderInfo;
import org.vfioworkbench.engine.remedy.Remedy;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.ui.common.DeviceFds;
import org.vfioworkbench.ui.common.ShownRefresh;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.document.DocumentCommand;
import org.vfioworkbench.ui.document.DocumentEdit;
import org.vfioworkbench.ui.state.Answers;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.BackgroundTask;

/**
 * The "Why not, and how to fix it" view's state: the {@link Explanation} of the selected device
 * fd's natural reset, and Apply, which makes one remedy's edit one undoable step labelled with the
 * remedy's sentence. Hosts bigger than {@link #BACKGROUND_THRESHOLD} functions are explained
 * through the executor; an answer for a selection or analysis that has changed meanwhile is
 * dropped.
 */
public final class ExplainViewModel {

  /** Topologies with more functions than this are explained through the executor. */
  static final int BACKGROUND_THRESHOLD = 400;

  private final WorkbenchState state;
  private final ReadOnlyObjectWrapper<ExplainReport> report =
      new ReadOnlyObjectWrapper<>(ExplainReport.none("Select a device that is open."));
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final StringBinding readOnlyReason;
  private final ShownRefresh refresh = new ShownRefresh(this::refresh);
  private Analysis explained;
  private long generation;

  public ExplainViewModel(WorkbenchState state) {
    this.state = state;
    readOnlyReason =
        Bindings.createStringBinding(
            () -> readOnlyReason(state.documentProperty().get()), state.documentProperty());
    state.resultsProperty().addListener((o, a, b) -> refresh.request());
    state.selectionProperty().addListener((o, a, b) -> refresh.request());
    refresh.request();
  }

  /**
   * Whether the view is shown: while it is not, nothing is explained; the selection's explanation
   * is worked out when it is shown again.
   */
  public void setShown(boolean shown) {
    refresh.setShown(shown);
  }

  /** How often the explanation was asked for (for tests). */
  int refreshes() {
    return refresh.runs();
  }

  private static String readOnlyReason(Document d) {
    return d.readOnly()
        ? "Read-only: "
            + d.title()
            + " shows a real host, so remedies are shown but not applied."
            + " File › Save As… makes it an editable scenario."
        : "";
  }

  private void refresh() {
    WorkbenchState.Results r = state.results();
    if (r == null) {
      return;
    }
    long gen = ++generation;
    Analysis a = r.analysis();
    Answers answers = state.answers(a);
    Optional<FdRef> caller = answers.callerFor(state.selectionProperty().get());
    message.set("");
    if (caller.isEmpty()) {
      explained = null;
      busy.set(false);
      report.set(
          ExplainReport.none(
              "Select a vfio device that a holder has open, or one of its device fds, to see"
                  + " why its reset fails and what would fix it."));
      return;
    }
    FdRef fd = caller.get();
    if (a.topology().functions().size() <= BACKGROUND_THRESHOLD) {
      show(gen, a, answers.explain(fd));
      return;
    }
    busy.set(true);
    state
        .executor()
        .execute(
            BackgroundTask.of("Explaining " + fd, progress -> answers.explain(fd))
                .onSuccess(e -> show(gen, a, e)));
  }

  private void show(long gen, Analysis a, Explanation e) {
    if (gen != generation) {
      return;
    }
    busy.set(false);
    explained = a;
    ExplainReport next = report(a, e);
    if (!next.equals(report.get())) {
      report.set(next);
    }
  }

  static ExplainReport report(Analysis a, Explanation e) {
    String caller =
        DeviceFds.describe(a, e.caller())
            + ", held by "
            + e.holder().describe()
            + ": "
            + e.device();
    String verdict =
        "Natural reset: "
            + e.natural().description()
            + " → "
            + (e.result().succeeded()
                ? "0, resets " + e.result().reset().stream().map(Bdf::toString).toList()
                : e.result().retLabel());
    if (e.result().succeeded()) {
      return new ExplainReport(
          caller,
          verdict,
          "",
          e.qemu().printed(),
          List.of(),
          List.of(),
          "The natural reset succeeds: nothing is in the way.");
    }
    List<TraceStep> trace = e.result().trace();
    String decided = trace.isEmpty() ? "no checks ran" : trace.get(trace.size() - 1).toString();
    List<BlockerRow> blockers = new ArrayList<>();
    for (Blocker b : e.blockers()) {
      blockers.add(
          new BlockerRow(
              b.function().toString(),
              b.group().isPresent() ? String.valueOf(b.group().getAsInt()) : "none",
              b.driver(),
              String.join("; ", b.reasons()),
              b.holders().isEmpty()
                  ? "nobody"
                  : String.join(", ", b.holders().stream().map(HolderInfo::describe).toList())));
    }
    List<RemedyRow> remedies = new ArrayList<>();
    int rank = 1;
    for (Remedy m : e.remedies()) {
      remedies.add(
          new RemedyRow(
              rank++,
              m.title(),
              m.cost().isEmpty() ? "takes nothing from anyone" : String.join("; ", m.cost()),
              m.edit()));
    }
    String footer =
        e.noRemedy()
            .map(n -> "No remedy: " + n.reason())
            .orElse(remedies.isEmpty() ? "No remedy found." : "");
    return new ExplainReport(
        caller, verdict, "Decided by " + decided, e.qemu().printed(), blockers, remedies, footer);
  }

  /**
   * Applies {@code remedy}'s edit to the document as one undoable step labelled with its sentence.
   * Returns false, changing nothing, in a read-only document, when the document changed since the
   * explanation, or when the kernel refuses the edit now; {@link #messageProperty()} says which.
   */
  public boolean apply(RemedyRow remedy) {
    Document d = state.document();
    if (d.readOnly()) {
      message.set(readOnlyReason.get());
      return false;
    }
    if (explained == null || explained.topology() != d.topology()) {
      message.set("The document changed since this was explained; look again.");
      return false;
    }
    Scenario before = d.scenario();
    DocumentEdit.Kernel edit = new DocumentEdit.Kernel(remedy.edit());
    Attempt at = edit.attempt(before);
    if (!at.succeeded()) {
      message.set("Refused now: " + at.refusal().orElseThrow().headline());
      return false;
    }
    boolean done =
        state
            .commands()
            .execute(
                new DocumentCommand(
                    edit, remedy.title(), before, before.withTopology(at.orElseThrow())));
    if (done) {
      message.set("Applied: " + remedy.title() + " (Edit › Undo takes it back)");
    }
    return done;
  }

  public ReadOnlyObjectProperty<ExplainReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  /** True while a big host is being explained in the background. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Why Apply is disabled (a read-only host document), or empty. */
  public StringBinding readOnlyReasonProperty() {
    return readOnlyReason;
  }

  /** What the last Apply did or why it did nothing. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
