package org.vfioworkbench.ui.explorer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vfioworkbench.ui.state.Derivation;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/** The Topology Explorer's state: ordering mode, filter text, and the resulting tree. */
public final class ExplorerViewModel {

  private final WorkbenchState state;
  private final Derivation trees;
  private final ObjectProperty<ExplorerMode> mode = new SimpleObjectProperty<>(ExplorerMode.PCI);
  private final StringProperty filter = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<TreeEntry> root = new ReadOnlyObjectWrapper<>();
  private final GraphSubtrees graph;

  public ExplorerViewModel(WorkbenchState state) {
    this(state, GraphSubtrees.NONE);
  }

  /** An Explorer whose expand, collapse and reveal also act on the topology graph's subtrees. */
  public ExplorerViewModel(WorkbenchState state, GraphSubtrees graph) {
    this.state = state;
    this.trees = state.derivation("Building the explorer tree");
    this.graph = java.util.Objects.requireNonNull(graph, "graph");
    state.resultsProperty().addListener((o, a, b) -> rebuild());
    mode.addListener((o, a, b) -> rebuild());
    filter.addListener((o, a, b) -> rebuild());
    rebuild();
  }

  private void rebuild() {
    WorkbenchState.Results r = state.results();
    if (r == null) {
      root.set(null);
      return;
    }
    ExplorerMode m = mode.get();
    String f = filter.get();
    trees.request(
        (x, progress) -> {
          TreeEntry full = ExplorerTrees.build(x.analysis(), m);
          TreeEntry shown = full.filtered(f);
          return shown != null
              ? shown
              : new TreeEntry(
                  full.label(), "nothing matches '" + f + "'", null, java.util.List.of());
        },
        root::set);
  }

  /** The view's row was chosen: select it everywhere. */
  public void select(ElementRef ref) {
    if (ref != null) {
      state.select(ref);
    }
  }

  /** The bridge a row names, if it names a function with a secondary bus. */
  public java.util.Optional<org.vfioworkbench.model.Bdf> bridge(ElementRef ref) {
    WorkbenchState.Results r = state.results();
    if (r != null
        && ref instanceof ElementRef.FunctionRef f
        && r.analysis().pci().subordinateOf(f.bdf()).isPresent()) {
      return java.util.Optional.of(f.bdf());
    }
    return java.util.Optional.empty();
  }

  /**
   * Expands ({@code false}) or collapses ({@code true}) in the graph the subtree below the bridge a
   * row names; returns whether the row names a bridge.
   */
  public boolean setCollapsedInGraph(ElementRef ref, boolean on) {
    var b = bridge(ref);
    b.ifPresent(x -> graph.setCollapsed(x, on));
    return b.isPresent();
  }

  /** Whether the graph draws the subtree below the bridge a row names as one chip. */
  public boolean isCollapsedInGraph(ElementRef ref) {
    return bridge(ref).map(graph::isCollapsed).orElse(false);
  }

  /** Shows what a row names in the graph: expands what hides it there, and selects it. */
  public void revealInGraph(ElementRef ref) {
    if (ref instanceof ElementRef.FunctionRef f) {
      graph.reveal(f.bdf());
    }
    select(ref);
  }

  public ObjectProperty<ExplorerMode> modeProperty() {
    return mode;
  }

  public StringProperty filterProperty() {
    return filter;
  }

  public ReadOnlyObjectProperty<TreeEntry> rootProperty() {
    return root.getReadOnlyProperty();
  }

  public ObjectProperty<ElementRef> selectionProperty() {
    return state.selectionProperty();
  }
}
