package org.vfioworkbench.ui.explorer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/** The Topology Explorer's state: ordering mode, filter text, and the resulting tree. */
public final class ExplorerViewModel {

  private final WorkbenchState state;
  private final ObjectProperty<ExplorerMode> mode = new SimpleObjectProperty<>(ExplorerMode.PCI);
  private final StringProperty filter = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<TreeEntry> root = new ReadOnlyObjectWrapper<>();

  public ExplorerViewModel(WorkbenchState state) {
    this.state = state;
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
    state.derive(
        x -> {
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
