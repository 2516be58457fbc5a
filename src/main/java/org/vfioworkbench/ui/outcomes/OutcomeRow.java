package org.vfioworkbench.ui.outcomes;

import java.util.Map;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;

/**
 * One device fd and every HOT_RESET variant tried on it.
 *
 * @param fd the device fd
 * @param device the function it opens, labelled
 * @param path "cdev" or "group"
 * @param cells one cell per variant kind
 */
public record OutcomeRow(
    FdRef fd, String device, String path, Map<ResetVariant.Kind, OutcomeCell> cells) {

  public OutcomeRow {
    cells = Map.copyOf(cells);
  }

  public OutcomeCell cell(ResetVariant.Kind kind) {
    return cells.get(kind);
  }
}
