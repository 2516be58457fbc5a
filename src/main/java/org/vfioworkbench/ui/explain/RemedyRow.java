package org.vfioworkbench.ui.explain;

import java.util.Objects;
import org.vfioworkbench.engine.Edit;

/**
 * One verified remedy, as the view lists it.
 *
 * @param rank its place, cheapest first, from 1
 * @param title what it does ("move 0000:02:00.1 into iommufd A"), also the undo label
 * @param cost what else it takes, from whom
 * @param edit the edit Apply makes
 */
public record RemedyRow(int rank, String title, String cost, Edit edit) {

  public RemedyRow {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(edit, "edit");
  }
}
