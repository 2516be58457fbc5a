package org.vfioworkbench.ui.graph;

import java.util.HashSet;
import java.util.Set;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;

/**
 * A big host's overview as the workbench opens it (collapsed to what holders have open, quiet
 * root-bus functions folded, every holder compact), and the same with one more subtree open: what
 * the layout tests and probes about expanding compare. A layout after another passes that one's
 * {@link GraphModel#holdersX}, as the workbench does.
 */
record OverviewAsOpened(Analysis analysis, Set<Bdf> collapsed, Set<Bdf> folded) {

  static OverviewAsOpened of(Analysis a) {
    return new OverviewAsOpened(a, GraphLayout.defaultCollapsed(a), GraphLayout.defaultFolded(a));
  }

  GraphModel layout() {
    return layout(0);
  }

  /** The overview laid out after a graph whose holders began at {@code holdersFrom}. */
  GraphModel layout(double holdersFrom) {
    return GraphLayout.compute(analysis, collapsed, folded, h -> true, holdersFrom);
  }

  /** The overview with {@code bridge}'s subtree expanded as well. */
  GraphModel expanding(Bdf bridge) {
    return expanding(bridge, 0);
  }

  /**
   * The overview with {@code bridge}'s subtree expanded as well, laid out after a graph whose
   * holders began at {@code holdersFrom}, as the workbench lays out an expand.
   */
  GraphModel expanding(Bdf bridge, double holdersFrom) {
    Set<Bdf> open = new HashSet<>(collapsed);
    open.remove(bridge);
    return GraphLayout.compute(analysis, open, folded, h -> true, holdersFrom);
  }

  /**
   * The overview with {@code bdf} revealed (the bridges above it expanded, the root-bus function it
   * is or is below brought back) and the holders {@code compact} names drawn compact, laid out
   * after a graph whose holders began at {@code holdersFrom}: as a selection of it lays it out.
   */
  GraphModel revealing(Bdf bdf, java.util.function.Predicate<String> compact, double holdersFrom) {
    Set<Bdf> open = new HashSet<>(collapsed);
    Set<Bdf> shown = new HashSet<>(folded);
    GraphLayout.reveal(analysis, bdf, open, shown);
    return GraphLayout.compute(analysis, open, shown, compact, holdersFrom);
  }
}
