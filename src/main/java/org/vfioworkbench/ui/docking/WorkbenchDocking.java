package org.vfioworkbench.ui.docking;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.MouseEvent;
import org.vfioworkbench.ui.docking.ViewId.Region;
import software.coley.bentofx.Bento;
import software.coley.bentofx.building.DockBuilding;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.DockContainer;
import software.coley.bentofx.layout.container.DockContainerBranch;
import software.coley.bentofx.layout.container.DockContainerLeaf;
import software.coley.bentofx.layout.container.DockContainerRootBranch;

/**
 * Builds the BentoFX docking area: five fixed leaves (left, centre, right over bottom and
 * bottom-right) in three splits, one dockable per view. Views can be dragged between leaves,
 * stacked, closed and shown again; the layout is read from and written to a {@link DockLayout}.
 *
 * <p>The splits are proportions ({@link SplitRatios}): a resize of the window keeps them, only a
 * drag of a divider changes them, and those ratios (not what a small window squashed them to) are
 * what is saved. A region whose last view is closed leaves its split, so its neighbours take its
 * space; showing a view there again brings it back.
 */
public final class WorkbenchDocking {

  private final Bento bento = new Bento();
  private final DockContainerRootBranch root;
  private final DockContainerBranch middle;
  private final DockContainerBranch bottom;
  private final Map<Region, DockContainerLeaf> leaves = new EnumMap<>(Region.class);
  private final Map<ViewId, Dockable> dockables = new EnumMap<>(ViewId.class);
  private final DockLayout initial;
  private SplitRatios ratios;
  private boolean restructuring;

  public WorkbenchDocking(Function<ViewId, Node> views, DockLayout layout) {
    this.initial = layout;
    this.ratios = SplitRatios.of(layout.dividers());
    DockBuilding b = bento.dockBuilding();
    root = b.root("workbench-root");
    root.setOrientation(Orientation.VERTICAL);
    middle = b.branch("workbench-middle");
    middle.setOrientation(Orientation.HORIZONTAL);
    for (Region r : Region.values()) {
      DockContainerLeaf leaf = b.leaf("leaf-" + r.name().toLowerCase());
      leaf.setPruneWhenEmpty(false);
      leaf.setMinSize(r == Region.CENTER ? 240 : 60, 60);
      leaves.put(r, leaf);
    }
    root.setPruneWhenEmpty(false);
    middle.setPruneWhenEmpty(false);
    bottom = b.branch("workbench-bottom");
    bottom.setOrientation(Orientation.HORIZONTAL);
    bottom.setPruneWhenEmpty(false);
    for (ViewId v : ViewId.values()) {
      Dockable d = b.dockable(v.id());
      d.setTitle(v.title());
      d.setNode(views.apply(v));
      d.setClosable(v != ViewId.GRAPH);
      d.setCanBeDroppedToNewWindow(false);
      dockables.put(v, d);
    }
    place(layout);
    for (DockContainerBranch branch : List.of(root, middle, bottom)) {
      branch.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> rememberRatios());
      (branch == root ? branch.heightProperty() : branch.widthProperty())
          .addListener((o, a, n) -> applyDividers());
    }
    for (DockContainerLeaf leaf : leaves.values()) {
      leaf.getDockables().addListener((ListChangeListener<Dockable>) c -> restructure());
    }
  }

  /** Puts every view in its region of {@code layout} and builds the splits around them. */
  private void place(DockLayout layout) {
    restructuring = true;
    try {
      for (Dockable d : dockables.values()) {
        DockContainerLeaf at = d.getContainer();
        if (at != null) {
          at.removeDockable(d);
        }
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
    } finally {
      restructuring = false;
    }
    restructure();
  }

  /**
   * Makes the splits hold exactly the regions that have a view, in their fixed order, and sets
   * their dividers from the ratios.
   */
  private void restructure() {
    if (restructuring) {
      return;
    }
    restructuring = true;
    try {
      sync(middle, shown(Region.LEFT, Region.CENTER, Region.RIGHT));
      List<DockContainer> lower = shown(Region.BOTTOM, Region.BOTTOM_RIGHT);
      sync(bottom, lower);
      List<DockContainer> rows = new ArrayList<>(List.of(middle));
      if (!lower.isEmpty()) {
        rows.add(bottom);
      }
      sync(root, rows);
    } finally {
      restructuring = false;
    }
    applyDividers();
  }

  private List<DockContainer> shown(Region... regions) {
    List<DockContainer> l = new ArrayList<>();
    for (Region r : regions) {
      if (r == Region.CENTER || !leaves.get(r).getDockables().isEmpty()) {
        l.add(leaves.get(r));
      }
    }
    return l;
  }

  private static void sync(DockContainerBranch branch, List<DockContainer> wanted) {
    if (branch.getChildContainers().equals(wanted)) {
      return;
    }
    for (DockContainer c : List.copyOf(branch.getChildContainers())) {
      if (!wanted.contains(c)) {
        branch.removeContainer(c);
      }
    }
    for (int i = 0; i < wanted.size(); i++) {
      DockContainer c = wanted.get(i);
      if (!branch.getChildContainers().contains(c)) {
        branch.addContainer(Math.min(i, branch.getChildContainers().size()), c);
      }
    }
  }

  /** Sets every divider from the ratios, for the regions shown now. */
  public void applyDividers() {
    restructuring = true;
    try {
      middle.setDividerPositions(
          ratios.dividers(
              present(middle, Region.LEFT, Region.CENTER, Region.RIGHT),
              ratios.left(),
              ratios.right()));
      bottom.setDividerPositions(
          ratios.dividers(
              present(bottom, Region.BOTTOM, Region.BOTTOM_RIGHT), ratios.bottomSplit()));
      if (root.getChildContainers().size() == 2) {
        root.setDividerPositions(ratios.top());
      }
    } finally {
      restructuring = false;
    }
  }

  private boolean[] present(DockContainerBranch branch, Region... regions) {
    boolean[] p = new boolean[regions.length];
    for (int i = 0; i < regions.length; i++) {
      p[i] = branch.getChildContainers().contains(leaves.get(regions[i]));
    }
    return p;
  }

  /** After a divider drag: the positions now are the user's ratios. */
  private void rememberRatios() {
    double[] md = middle.getDividerPositions();
    boolean[] m = present(middle, Region.LEFT, Region.CENTER, Region.RIGHT);
    double left = ratios.left();
    double right = ratios.right();
    int i = 0;
    if (m[0] && md.length > i) {
      left = md[i++];
    }
    if (m[2] && md.length > i) {
      right = md[i];
    }
    double top =
        root.getChildContainers().size() == 2 ? root.getDividerPositions()[0] : ratios.top();
    double[] bd = bottom.getDividerPositions();
    double split = bd.length > 0 ? bd[0] : ratios.bottomSplit();
    ratios = SplitRatios.of(new double[] {left, right, top, split});
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

  /** Closes {@code v} as its tab's close button does (the graph cannot be closed). */
  public void close(ViewId v) {
    Dockable d = dockables.get(v);
    DockContainerLeaf leaf = d.getContainer();
    if (leaf != null && d.isClosable()) {
      leaf.closeDockable(d);
    }
  }

  /** Window › Reset Perspective: every view in its home region, the splits as at first start. */
  public void reset() {
    ratios = SplitRatios.DEFAULTS;
    place(DockLayout.defaults());
  }

  /** The region {@code v} is docked in now, or null when it is closed. */
  public Region regionOf(ViewId v) {
    DockContainerLeaf leaf = dockables.get(v).getContainer();
    for (Map.Entry<Region, DockContainerLeaf> e : leaves.entrySet()) {
      if (e.getValue() == leaf) {
        return e.getKey();
      }
    }
    return leaf == null ? null : v.home();
  }

  /** The on-screen width of the region {@code r} (0 when it is not shown). */
  public double width(Region r) {
    DockContainerLeaf l = leaves.get(r);
    return l.getScene() == null || l.getParent() == null ? 0 : l.getWidth();
  }

  /** The current layout, for saving: the ratios the user chose, not a squashed window's. */
  public DockLayout snapshot() {
    Map<ViewId, Region> places = new EnumMap<>(ViewId.class);
    for (ViewId v : ViewId.values()) {
      places.put(v, regionOf(v));
    }
    return new DockLayout(places, List.of(ViewId.values()), ratios.toArray());
  }

  /** The proportions the splits are kept at. */
  public SplitRatios ratios() {
    return ratios;
  }

  public Bento bento() {
    return bento;
  }
}
