package org.vfioworkbench.ui.graph;

import java.util.HashSet;
import java.util.Set;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;

/**
 * A big host's overview as the workbench opens it (collapsed to what holders have open, quiet
 * root-bus functions folded, every holder compact), and the same with one more subtree open: what
 * the layout tests and probes about expanding compare.
 */
record OverviewAsOpened(Analysis analysis, Set<Bdf> collapsed, Set<Bdf> folded) {

  static OverviewAsOpened of(Analysis a) {
    return new OverviewAsOpened(a, GraphLayout.defaultCollapsed(a), GraphLayout.defaultFolded(a));
  }

  GraphModel layout() {
    return GraphLayout.compute(analysis, collapsed, folded, h -> true);
  }

  /** The overview with {@code bridge}'s subtree expanded as well. */
  GraphModel expanding(Bdf bridge) {
    Set<Bdf> open = new HashSet<>(collapsed);
    open.remove(bridge);
    return GraphLayout.compute(analysis, open, folded, h -> true);
  }
}
