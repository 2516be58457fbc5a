package org.vfioworkbench.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.graph.DropPreview;
import org.vfioworkbench.ui.graph.GraphModel;
import org.vfioworkbench.ui.graph.TopologyGraphView;
import org.vfioworkbench.ui.graph.TopologyGraphViewModel;
import org.vfioworkbench.ui.graph.skin.LaneSkin;

/**
 * Where a benchmark's drag goes, as a user's would: from a vfio function's chip to a holder's lane,
 * both drawn on screen inside the graph (not under its tool bar, and never a sample of the legend,
 * which uses the same style class). A lane where the drop would be allowed is preferred, so that
 * the drop makes an edit to undo and redo; a refused one is taken when there is no other.
 */
record LaneDragPath(Bdf function, Node chip, Node lane, Bounds from, Bounds to, boolean allowed) {

  /** The margin kept inside the graph's edges and below its tool bar. */
  private static final double MARGIN = 8;

  /** How many chips on screen are tried against every lane on screen. */
  private static final int CHIPS_TRIED = 8;

  /**
   * A chip and a lane both on screen now, if there are; call on the FX thread. Asks the view model
   * what a drop would do (a drag started and cancelled, nothing edited).
   */
  static Optional<LaneDragPath> find(TopologyGraphView graph) {
    Bounds g = graph.localToScene(graph.getLayoutBounds());
    Node bar = graph.lookup(".graph-controls");
    double top = bar.localToScene(bar.getLayoutBounds()).getMaxY() + MARGIN;
    Bounds screen =
        new BoundingBox(
            g.getMinX() + MARGIN, top, g.getWidth() - 2 * MARGIN, g.getMaxY() - MARGIN - top);
    List<LaneSkin> lanes = new ArrayList<>();
    for (Node n : graph.content().lookupAll(".lane")) {
      if (n.getParent() instanceof LaneSkin l && onScreen(n, screen)) {
        lanes.add(l);
      }
    }
    TopologyGraphViewModel vm = graph.viewModel();
    List<GraphModel.FunctionNode> chips =
        vm.modelProperty().get().functions().stream()
            .filter(GraphModel.FunctionNode::vfio)
            .filter(f -> graph.chipNode(f.bdf()).filter(c -> onScreen(c, screen)).isPresent())
            .limit(CHIPS_TRIED)
            .toList();
    LaneDragPath refused = null;
    for (GraphModel.FunctionNode f : chips) {
      Node chip = graph.chipNode(f.bdf()).orElseThrow();
      for (LaneSkin l : lanes) {
        vm.startDrag(f.bdf());
        vm.hover(l.lane().target());
        DropPreview p = vm.previewProperty().get();
        vm.cancelDrag();
        LaneDragPath path =
            new LaneDragPath(
                f.bdf(),
                chip,
                l,
                chip.localToScene(chip.getBoundsInLocal()),
                l.localToScene(l.getBoundsInLocal()),
                p != null && p.allowed());
        if (path.allowed()) {
          return Optional.of(path);
        }
        if (refused == null) {
          refused = path;
        }
      }
    }
    return Optional.ofNullable(refused);
  }

  /** What is dragged where, for a benchmark's log. */
  String describe() {
    return function
        + " to "
        + org.vfioworkbench.ui.graph.skin.SkinName.of(lane)
        + " (drop "
        + (allowed ? "allowed" : "refused")
        + ")";
  }

  /** Runs a call on the FX thread and waits for its answer (each harness has its own). */
  interface OnFx {
    <T> T call(Callable<T> c) throws Exception;
  }

  /**
   * A chip and a lane both on screen, zooming the graph out a step at a time until there are (the
   * way a user brings a far lane into view); fails, naming the host, when even the smallest zoom
   * shows none.
   */
  static LaneDragPath bringIntoView(TopologyGraphView graph, OnFx fx, String host)
      throws Exception {
    for (int step = 0; step <= ZOOM_OUT_STEPS; step++) {
      Optional<LaneDragPath> p = fx.call(() -> find(graph));
      if (p.isPresent()) {
        return p.get();
      }
      fx.call(
          () -> {
            graph.zoomOut();
            return null;
          });
      Thread.sleep(100); // a pulse lays the zoomed graph out
    }
    throw new IllegalStateException(
        "no vfio chip and holder lane on screen together on " + host + ", even zoomed out");
  }

  private static final int ZOOM_OUT_STEPS = 12;

  private static boolean onScreen(Node n, Bounds screen) {
    if (n.getScene() == null) {
      return false;
    }
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    Bounds b = n.localToScene(n.getBoundsInLocal());
    return screen.contains(b.getCenterX(), b.getCenterY());
  }
}
