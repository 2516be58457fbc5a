package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.kernel.DropTarget;
import org.vfioworkbench.ui.kernel.KernelEdits;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/**
 * The topology graph's state: the laid-out model, the compare marks, and the drag gesture (which
 * function is dragged, what the target under the pointer would do, the drop as an undoable edit).
 */
public final class TopologyGraphViewModel {

  private final WorkbenchState state;
  private final KernelEdits kernel;
  private final ReadOnlyObjectWrapper<GraphModel> model = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Set<Bdf>> changed = new ReadOnlyObjectWrapper<>(Set.of());
  private final ReadOnlyObjectWrapper<Bdf> dragged = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DropPreview> preview = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final Map<DropTarget, Attempt> attempts = new HashMap<>();

  public TopologyGraphViewModel(WorkbenchState state, KernelEdits kernel) {
    this.state = state;
    this.kernel = kernel;
    state.resultsProperty().addListener((o, a, b) -> refresh());
    refresh();
  }

  private void refresh() {
    state.derive(r -> new Object[] {GraphLayout.compute(r.analysis()),
        CompareMarks.changed(r.analysis(), r.compare())}, v -> {
          model.set((GraphModel) v[0]);
          @SuppressWarnings("unchecked")
          Set<Bdf> marks = (Set<Bdf>) v[1];
          changed.set(marks);
        });
  }

  /** A drag of {@code bdf} starts. */
  public void startDrag(Bdf bdf) {
    attempts.clear();
    dragged.set(bdf);
    preview.set(null);
  }

  /** The pointer is over {@code target} (null: over nothing that accepts a drop). */
  public void hover(DropTarget target) {
    if (dragged.get() == null) {
      return;
    }
    if (target == null) {
      preview.set(null);
      return;
    }
    if (preview.get() != null && preview.get().target().equals(target)) {
      return;
    }
    Attempt at = attempt(dragged.get(), target);
    preview.set(new DropPreview(target, at.succeeded(), describe(at, dragged.get(), target)));
  }

  /** The drag ends over {@code target}; returns whether an edit was made. */
  public boolean drop(DropTarget target) {
    Bdf bdf = dragged.get();
    dragged.set(null);
    preview.set(null);
    if (bdf == null || target == null) {
      return false;
    }
    return move(bdf, target);
  }

  public void cancelDrag() {
    dragged.set(null);
    preview.set(null);
  }

  /** Moves a function to a target: the drop's effect, also reachable from menus. */
  public boolean move(Bdf bdf, DropTarget target) {
    Attempt at = attempts.containsKey(target) && bdf.equals(dragged.get())
        ? attempts.get(target) : kernel.move(state.topology(), state.profileProperty().get(), bdf, target);
    attempts.clear();
    if (!at.succeeded()) {
      message.set("Refused: " + at.refusal().orElseThrow().headline());
      return false;
    }
    Topology after = at.orElseThrow();
    if (after.equals(state.topology())) {
      message.set(bdf + " is already there");
      return false;
    }
    state.execute("Move " + bdf + " to " + target.describe(), after);
    state.select(new ElementRef.FunctionRef(bdf));
    message.set("Moved " + bdf + " to " + target.describe());
    return true;
  }

  private Attempt attempt(Bdf bdf, DropTarget target) {
    return attempts.computeIfAbsent(target,
        t -> kernel.move(state.topology(), state.profileProperty().get(), bdf, t));
  }

  private String describe(Attempt at, Bdf bdf, DropTarget target) {
    if (!at.succeeded()) {
      return at.refusal().orElseThrow().headline();
    }
    return "drop to move " + bdf + " to " + target.describe() + ": " + String.join("; ", at.steps());
  }

  /** Every place {@code bdf} can be moved to, for menus and the keyboard. */
  public List<DropTarget> targets() {
    List<DropTarget> out = new ArrayList<>();
    for (Holder h : state.topology().holders()) {
      out.add(new DropTarget.GroupLane(h.name()));
      out.add(new DropTarget.CdevLane(h.name()));
    }
    out.add(new DropTarget.Unowned());
    return out;
  }

  /** Adds an empty holder, as an undoable edit. */
  public void newHolder(String name) {
    Topology t = state.topology();
    if (name == null || name.isBlank() || t.holder(name).isPresent()) {
      message.set("A holder needs a new, unique name");
      return;
    }
    List<Holder> hs = new ArrayList<>(t.holders());
    hs.add(new Holder(name, 0, true, List.of()));
    state.execute("New holder " + name, t.withHolders(hs));
    state.select(new ElementRef.HolderRef(name));
  }

  /** A fresh holder name ("qemu-vm2"). */
  public String suggestHolderName() {
    int n = state.topology().holders().size() + 1;
    while (state.topology().holder("qemu-vm" + n).isPresent()) {
      n++;
    }
    return "qemu-vm" + n;
  }

  public void select(ElementRef ref) {
    state.select(ref);
  }

  public ReadOnlyObjectProperty<GraphModel> modelProperty() {
    return model.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Set<Bdf>> changedProperty() {
    return changed.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Bdf> draggedProperty() {
    return dragged.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<DropPreview> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ObjectProperty<ElementRef> selectionProperty() {
    return state.selectionProperty();
  }

  public Optional<Bdf> selectedFunction() {
    return state.selectionProperty().get() instanceof ElementRef.FunctionRef f
        ? Optional.of(f.bdf()) : Optional.empty();
  }
}
