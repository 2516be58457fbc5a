package org.vfioworkbench.ui.docking;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.vfioworkbench.ui.docking.ViewId.Region;
import software.coley.bentofx.Bento;
import software.coley.bentofx.building.DockBuilding;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.container.DockContainerBranch;
import software.coley.bentofx.layout.container.DockContainerLeaf;
import software.coley.bentofx.layout.container.DockContainerRootBranch;

/**
 * Builds the BentoFX docking area: four fixed leaves (left, centre, right, bottom) in two splits,
 * one dockable per view. Views can be dragged between leaves, stacked, closed and shown again; the
 * layout is read from and written to a {@link DockLayout}.
 */
public final class WorkbenchDocking {

  private final Bento bento = new Bento();
  private final DockContainerRootBranch root;
  private final DockContainerBranch middle;
  private final DockContainerBranch bottom;
  private final Map<Region, DockContainerLeaf> leaves = new EnumMap<>(Region.class);
  private final Map<ViewId, Dockable> dockables = new EnumMap<>(ViewId.class);
  private final DockLayout initial;

  public WorkbenchDocking(Function<ViewId, Node> views, DockLayout layout) {
    this.initial = layout;
    DockBuilding b = bento.dockBuilding();
    root = b.root("workbench-root");
    root.setOrientation(Orientation.VERTICAL);
    middle = b.branch("workbench-middle");
    middle.setOrientation(Orientation.HORIZONTAL);
    for (Region r : Region.values()) {
      DockContainerLeaf leaf = b.leaf("leaf-" + r.name().toLowerCase());
      leaf.setPruneWhenEmpty(false);
      leaves.put(r, leaf);
    }
    root.setPruneWhenEmpty(false);
    middle.setPruneWhenEmpty(false);
    middle.addContainers(
        leaves.get(Region.LEFT), leaves.get(Region.CENTER), leaves.get(Region.RIGHT));
    bottom = b.branch("workbench-bottom");
    bottom.setOrientation(Orientation.HORIZONTAL);
    bottom.setPruneWhenEmpty(false);
    bottom.addContainers(leaves.get(Region.BOTTOM), leaves.get(Region.BOTTOM_RIGHT));
    root.addContainers(middle, bottom);
    for (ViewId v : ViewId.values()) {
      Dockable d = b.dockable(v.id());
      d.setTitle(v.title());
      d.setNode(views.apply(v));
      d.setClosable(v != ViewId.GRAPH);
      d.setCanBeDroppedToNewWindow(false);
      dockables.put(v, d);
    }
    for (ViewId v : layout.order()) {
      Region r = layout.places().get(v);
      if (r != null || v == ViewId.GRAPH) {
        leaves.get(r == null ? v.home() : r).addDockable(dockables.get(v));
      }
    }
    leaves
        .values()
        .forEach(
            l -> {
              if (!l.getDockables().isEmpty()) {
                l.selectDockable(l.getDockables().get(0));
              }
            });
  }

  /** Applies the saved divider positions; call once the window is shown. */
  public void applyDividers() {
    double[] d = initial.dividers();
    if (d.length >= 4) {
      middle.setDividerPositions(d[0], d[1]);
      root.setDividerPositions(d[2]);
      bottom.setDividerPositions(d[3]);
    }
  }

  public Parent node() {
    return root;
  }

  /** Shows a view: re-docks it in its last region if it was closed, and brings it to front. */
  public void show(ViewId v) {
    Dockable d = dockables.get(v);
    DockContainerLeaf leaf = d.getContainer();
    if (leaf == null) {
      Region r = initial.places().get(v);
      leaf = leaves.get(r == null ? v.home() : r);
      leaf.addDockable(d);
    }
    leaf.selectDockable(d);
    d.getNode().requestFocus();
  }

  /** The current layout, for saving. */
  public DockLayout snapshot() {
    Map<ViewId, Region> places = new EnumMap<>(ViewId.class);
    for (ViewId v : ViewId.values()) {
      DockContainerLeaf leaf = dockables.get(v).getContainer();
      Region at = null;
      for (Map.Entry<Region, DockContainerLeaf> e : leaves.entrySet()) {
        if (e.getValue() == leaf) {
          at = e.getKey();
        }
      }
      places.put(v, leaf == null ? null : at == null ? v.home() : at);
    }
    double[] md = middle.getDividerPositions();
    double[] rd = root.getDividerPositions();
    double[] bd = bottom.getDividerPositions();
    double[] d = {
      md.length > 0 ? md[0] : 0.18,
      md.length > 1 ? md[1] : 0.76,
      rd.length > 0 ? rd[0] : 0.62,
      bd.length > 0 ? bd[0] : 0.5
    };
    return new DockLayout(places, List.of(ViewId.values()), d);
  }

  public Bento bento() {
    return bento;
  }
}
