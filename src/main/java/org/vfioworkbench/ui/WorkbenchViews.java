package org.vfioworkbench.ui;

import javafx.scene.Node;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.explain.ExplainView;
import org.vfioworkbench.ui.explain.ExplainViewModel;
import org.vfioworkbench.ui.explorer.ExplorerView;
import org.vfioworkbench.ui.explorer.ExplorerViewModel;
import org.vfioworkbench.ui.graph.TopologyGraphView;
import org.vfioworkbench.ui.graph.TopologyGraphViewModel;
import org.vfioworkbench.ui.info.InfoView;
import org.vfioworkbench.ui.info.InfoViewModel;
import org.vfioworkbench.ui.outcomes.ResetOutcomesView;
import org.vfioworkbench.ui.outcomes.ResetOutcomesViewModel;
import org.vfioworkbench.ui.problems.ProblemsView;
import org.vfioworkbench.ui.problems.ProblemsViewModel;
import org.vfioworkbench.ui.properties.PropertiesView;
import org.vfioworkbench.ui.properties.PropertiesViewModel;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.trace.TraceView;
import org.vfioworkbench.ui.trace.TraceViewModel;

/** Creates every view with its view model over one shared state. */
final class WorkbenchViews {

  final TopologyGraphViewModel graphVm;
  final PropertiesViewModel propertiesVm;
  final TopologyGraphView graph;
  private final ExplorerView explorer;
  private final PropertiesView properties;
  private final InfoView info;
  private final ResetOutcomesView outcomes;
  private final TraceView trace;
  private final ProblemsView problems;
  private final ExplainView explain;

  WorkbenchViews(WorkbenchState state) {
    graphVm = new TopologyGraphViewModel(state);
    propertiesVm = new PropertiesViewModel(state);
    graph = new TopologyGraphView(graphVm);
    explorer =
        new ExplorerView(
            new ExplorerViewModel(
                state,
                new org.vfioworkbench.ui.explorer.GraphSubtrees() {
                  @Override
                  public boolean isCollapsed(org.vfioworkbench.model.Bdf bridge) {
                    return graphVm.isCollapsed(bridge);
                  }

                  @Override
                  public void setCollapsed(org.vfioworkbench.model.Bdf bridge, boolean on) {
                    graphVm.setCollapsed(bridge, on);
                  }

                  @Override
                  public void reveal(org.vfioworkbench.model.Bdf bdf) {
                    graphVm.reveal(bdf);
                  }
                }));
    properties = new PropertiesView(propertiesVm);
    graph.setCopySource(properties::copyText);
    info = new InfoView(new InfoViewModel(state));
    outcomes = new ResetOutcomesView(new ResetOutcomesViewModel(state));
    trace = new TraceView(new TraceViewModel(state));
    problems = new ProblemsView(new ProblemsViewModel(state));
    explain = new ExplainView(new ExplainViewModel(state));
  }

  Node view(ViewId id) {
    return switch (id) {
      case EXPLORER -> explorer;
      case GRAPH -> graph;
      case PROPERTIES -> properties;
      case INFO -> info;
      case OUTCOMES -> outcomes;
      case TRACE -> trace;
      case PROBLEMS -> problems;
      case EXPLAIN -> explain;
    };
  }
}
