package org.vfioworkbench.ui.explorer;

import org.vfioworkbench.model.Bdf;

/**
 * What the Topology Explorer asks of the topology graph: collapse or expand the subtree below a
 * bridge there, or bring a function into view. View state only: nothing here is an edit.
 */
public interface GraphSubtrees {

  /** For an Explorer without a graph (tests, tools): does nothing. */
  GraphSubtrees NONE =
      new GraphSubtrees() {
        @Override
        public boolean isCollapsed(Bdf bridge) {
          return false;
        }

        @Override
        public void setCollapsed(Bdf bridge, boolean on) {}

        @Override
        public void reveal(Bdf bdf) {}
      };

  /** Whether the graph draws the subtree below {@code bridge} as one summary chip. */
  boolean isCollapsed(Bdf bridge);

  /** Collapses ({@code true}) or expands the subtree below {@code bridge}; ignores non-bridges. */
  void setCollapsed(Bdf bridge, boolean on);

  /** Expands whatever hides {@code bdf} in the graph, so it has its own chip. */
  void reveal(Bdf bdf);
}
