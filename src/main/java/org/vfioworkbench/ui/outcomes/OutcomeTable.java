package org.vfioworkbench.ui.outcomes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.report.QemuText;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.ui.common.Labels;

/** Computes the reset-outcome table from one or two analyses. Pure. */
public final class OutcomeTable {

  private OutcomeTable() {}

  /** Every row worked out. */
  public static List<OutcomeRow> build(Analysis a, Analysis compare) {
    return update(null, a, compare, () -> false).rows();
  }

  /** A table and the analyses it was built from. */
  public record Built(Analysis analysis, Analysis compare, List<OutcomeRow> rows) {}

  /**
   * The table of {@code a} (and {@code compare}), taking from {@code last} the rows of the fds
   * whose answers cannot differ from those {@code last} was built from ({@link
   * Analysis#fdsChangedSince}, in both analyses), and working out the others: after one edit, the
   * rows the edit can reach rather than every fd of the host. Without {@code last}, or when the
   * analyses were not derived from its, every row is worked out. Stops with a {@link
   * CancellationException} before the next fd worked out once {@code cancelled} says so.
   */
  public static Built update(Built last, Analysis a, Analysis compare, BooleanSupplier cancelled) {
    Optional<Set<FdRef>> changed = changedSince(last, a, compare);
    Map<FdRef, OutcomeRow> reusable = new HashMap<>();
    if (changed.isPresent()) {
      last.rows().forEach(r -> reusable.put(r.fd(), r));
    }
    List<OutcomeRow> rows = new ArrayList<>();
    for (FdRef fd : a.deviceFds()) {
      OutcomeRow kept = reusable.get(fd);
      if (kept != null && !changed.get().contains(fd)) {
        rows.add(kept);
        continue;
      }
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("a newer reset-outcome table was asked for");
      }
      rows.add(row(a, compare, fd));
    }
    return new Built(a, compare, List.copyOf(rows));
  }

  /** The fds whose rows must be worked out again, or empty when every row must. */
  private static Optional<Set<FdRef>> changedSince(Built last, Analysis a, Analysis compare) {
    if (last == null || (last.compare() == null) != (compare == null)) {
      return Optional.empty();
    }
    Optional<Set<FdRef>> changed = a.fdsChangedSince(last.analysis());
    if (changed.isEmpty() || compare == null) {
      return changed;
    }
    Optional<Set<FdRef>> changedCompare = compare.fdsChangedSince(last.compare());
    if (changedCompare.isEmpty()) {
      return Optional.empty();
    }
    Set<FdRef> both = new HashSet<>(changed.get());
    both.addAll(changedCompare.get());
    return Optional.of(both);
  }

  private static OutcomeRow row(Analysis a, Analysis compare, FdRef fd) {
    Map<ResetVariant.Kind, OutcomeCell> cells = new EnumMap<>(ResetVariant.Kind.class);
    for (ResetVariant v : a.variants(fd)) {
      if (v.kind() != ResetVariant.Kind.EMPTY_ARRAY
          && v.request().count() == 0
          && !v.isHypothetical()) {
        cells.put(
            v.kind(),
            new OutcomeCell(
                v.kind(),
                v.description() + ": nothing to pass, the same call as the empty array",
                OutcomeCell.SAME_AS_EMPTY,
                false,
                ""));
        continue;
      }
      ResetResult r = a.evaluate(fd, v);
      String compareLabel = "";
      if (compare != null) {
        String other = label(compare.evaluate(fd, v));
        compareLabel = other.equals(label(r)) ? "" : other;
      }
      cells.put(
          v.kind(),
          new OutcomeCell(
              v.kind(),
              v.description() + " " + v.request().fds(),
              label(r),
              r.succeeded(),
              compareLabel));
    }
    Optional<OpenFile> file = a.topology().file(fd);
    String device = file.flatMap(OpenFile::openedDevice).map(Labels::shortBdf).orElse("?");
    String path = file.map(f -> f instanceof CdevFile ? "cdev" : "group").orElse("");
    return new OutcomeRow(fd, device, path, cells, QemuText.lines(a, fd));
  }

  /** Replays one cell's call, for its trace. */
  public static Optional<ResetResult> replay(Analysis a, FdRef fd, ResetVariant.Kind kind) {
    if (a.topology().file(fd).isEmpty()) {
      return Optional.empty();
    }
    return a.variants(fd).stream()
        .filter(v -> v.kind() == kind)
        .findFirst()
        .map(v -> a.evaluate(fd, v));
  }

  static String label(ResetResult r) {
    return r.succeeded() ? OutcomeCell.SUCCESS : r.retLabel();
  }
}
