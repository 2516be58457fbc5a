package org.vfioworkbench.ui.info;

import java.util.Optional;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.report.ReviewReport;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.common.DeviceFds;
import org.vfioworkbench.ui.common.ShownRefresh;
import org.vfioworkbench.ui.state.Answers;
import org.vfioworkbench.ui.state.OutcomeRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/**
 * The INFO view's state: the argsz the user types and the reply the engine gives for the selected
 * device's fd.
 */
public final class InfoViewModel {

  /** Enough for 64 entries, like a caller that guessed generously. */
  public static final long DEFAULT_ARGSZ = 12 + 8 * 64;

  private final WorkbenchState state;
  private final LongProperty argsz = new SimpleLongProperty(DEFAULT_ARGSZ);
  private final ReadOnlyObjectWrapper<InfoReply> reply =
      new ReadOnlyObjectWrapper<>(InfoReply.none("Select a device that is open."));
  private final ShownRefresh refresh = new ShownRefresh(this::refresh);
  private Optional<FdRef> caller = Optional.empty();
  private InfoResult current;

  public InfoViewModel(WorkbenchState state) {
    this.state = state;
    state.resultsProperty().addListener((o, a, b) -> refresh.request());
    state.selectionProperty().addListener((o, a, b) -> refresh.request());
    argsz.addListener((o, a, b) -> refresh.request());
    refresh.request();
  }

  /**
   * Whether the INFO view is shown: while it is not, changes of the selection or the analysis only
   * mark the reply stale, and it is brought up to date when the view is shown.
   */
  public void setShown(boolean shown) {
    refresh.setShown(shown);
  }

  /** How often the reply was worked out (for tests). */
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
    caller = answers.callerFor(state.selectionProperty().get());
    if (caller.isEmpty()) {
      current = null;
      show(
          InfoReply.none(
              "INFO needs an open device fd: select a vfio device that a holder"
                  + " has open, or one of its device fds."));
      return;
    }
    long size = argsz.get();
    InfoResult res = answers.info(caller.get(), size);
    current = res;
    InfoResult other = r.comparing() ? state.answers(r.compare()).info(caller.get(), size) : null;
    show(
        new InfoReply(
            DeviceFds.describe(a, caller.get()),
            res.retLabel() + res.errno().map(e -> " (" + e.message() + ")").orElse(""),
            String.valueOf(res.argsz()),
            InfoFormat.flags(res),
            res.headerWritten() ? String.valueOf(res.count()) : "not written",
            InfoFormat.rows(res, other),
            InfoFormat.note(res),
            other == null || InfoFormat.oneLine(other).equals(InfoFormat.oneLine(res))
                ? ""
                : r.compare().profile().id() + ": " + InfoFormat.oneLine(other)));
  }

  /** Sets the reply unless it is the one shown: an equal reply changes nothing on screen. */
  private void show(InfoReply next) {
    if (!next.equals(reply.get())) {
      reply.set(next);
    }
  }

  /** Shows this INFO call's kernel-check chain in the Trace view. */
  public void showTrace() {
    caller.ifPresent(c -> state.selectedOutcomeProperty().set(OutcomeRef.info(c, argsz.get())));
  }

  public LongProperty argszProperty() {
    return argsz;
  }

  public ReadOnlyObjectProperty<InfoReply> replyProperty() {
    return reply.getReadOnlyProperty();
  }

  /**
   * The reply as the report writes it ("INFO: 0, DEV_ID mode, ..." and an indented line per entry);
   * empty when no device fd is selected.
   */
  public String copyText() {
    return current == null ? "" : String.join("\n", ReviewReport.infoBlock(current));
  }

  /** Entries as the report writes them: "0000:02:00.1 NOT_OWNED", a line each. */
  public static String copyText(java.util.List<InfoEntryRow> rows) {
    return String.join("\n", rows.stream().map(r -> r.bdf() + "  " + r.meaning()).toList());
  }

  /** Selects the entry's function everywhere, the graph included. */
  public void select(InfoEntryRow row) {
    state.select(
        new org.vfioworkbench.ui.state.ElementRef.FunctionRef(
            org.vfioworkbench.model.Bdf.parse(row.bdf())));
  }

  /** Selects the entry's function's IOMMU group. */
  public void openGroup(InfoEntryRow row) {
    state
        .topology()
        .function(org.vfioworkbench.model.Bdf.parse(row.bdf()))
        .filter(f -> f.iommuGroup().isPresent())
        .ifPresent(
            f ->
                state.select(
                    new org.vfioworkbench.ui.state.ElementRef.GroupRef(f.iommuGroup().getAsInt())));
  }
}
