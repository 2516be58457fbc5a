package org.vfioworkbench.ui.outcomes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  public static List<OutcomeRow> build(Analysis a, Analysis compare) {
    return build(a, compare, () -> false);
  }

  /**
   * The same, stopping with a {@link CancellationException} before the next fd once {@code
   * cancelled} says so (a newer table was asked for).
   */
  public static List<OutcomeRow> build(Analysis a, Analysis compare, BooleanSupplier cancelled) {
    List<OutcomeRow> rows = new ArrayList<>();
    for (FdRef fd : a.deviceFds()) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("a newer reset-outcome table was asked for");
      }
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
      rows.add(new OutcomeRow(fd, device, path, cells, QemuText.lines(a, fd)));
    }
    return rows;
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
