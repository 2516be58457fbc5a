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
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.ui.kernel.DropTarget;
import org.vfioworkbench.ui.state.Derivation;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;

/**
 * The topology graph's state: the laid-out model, the compare marks, and the drag gesture (which
 * function is dragged, what the target under the pointer would do, the drop as an undoable edit).
 * The verdict shown while hovering a target is the one the drop applies: it is made once, on the
 * document as it is, and dropped when the document changes.
 */
public final class TopologyGraphViewModel {

  private final WorkbenchState state;
  private final Derivation layouts;
  private final ReadOnlyObjectWrapper<GraphModel> model = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Set<Bdf>> changed = new ReadOnlyObjectWrapper<>(Set.of());
  private final ReadOnlyObjectWrapper<Bdf> dragged = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DropPreview> preview = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Focus> focus = new ReadOnlyObjectWrapper<>();
  private final java.util.Set<Bdf> collapsed = new java.util.HashSet<>();
  private final java.util.Set<Bdf> folded = new java.util.HashSet<>();

  /** Whether the host shown opened as an overview (big): holders are compact unless involved. */
  private boolean overview;

  /** The holders drawn with their lanes in the overview: those the selection involves. */
  private java.util.Set<String> openHolders = java.util.Set.of();

  private List<Bdf> collapsedFor;
  private int treeGeneration;
  private final javafx.beans.property.BooleanProperty hideUnfocused =
      new javafx.beans.property.SimpleBooleanProperty(false);
  private final Map<DropTarget, Attempt> attempts = new HashMap<>();
  private Scenario attemptsOn;
  private int attemptsMade;

  public TopologyGraphViewModel(WorkbenchState state) {
    this.state = state;
    this.layouts = state.derivation("Laying out the graph");
    state.resultsProperty().addListener((o, a, b) -> refresh(-1, false));
    state
        .selectionProperty()
        .addListener(
            (o, a, b) -> {
              boolean relaid = false;
              if (b instanceof ElementRef.FunctionRef f) {
                relaid = reveal(f.bdf());
              }
              if (!relaid && overview && !involvedHolders(b).equals(openHolders)) {
                refresh(-1, true);
              }
              refocus();
            });
    refresh(-1, false);
  }

  /** Counts the hosts shown: changes when a different PCI tree is opened, not on edits. */
  public int treeGeneration() {
    return treeGeneration;
  }

  /** Whether the subtree below {@code bridge} is drawn as one summary chip. */
  public boolean isCollapsed(Bdf bridge) {
    return collapsed.contains(bridge);
  }

  /**
   * Collapses or expands the subtree below a bridge (view state: not an edit, not undoable). For
   * the graph's own clicks and keys and for the Topology Explorer.
   */
  public void toggleCollapsed(Bdf bridge) {
    setCollapsed(bridge, !collapsed.contains(bridge));
  }

  /** Collapses ({@code true}) or expands the subtree below {@code bridge}. */
  public void setCollapsed(Bdf bridge, boolean on) {
    var r = state.results();
    if (r == null || r.analysis().pci().subordinateOf(bridge).isEmpty()) {
      return;
    }
    if (on ? collapsed.add(bridge) : collapsed.remove(bridge)) {
      toggling = bridge;
      refresh(on ? 0 : SubtreeFacts.of(r.analysis()).below(bridge).size(), false);
    }
  }

  /** Asked by {@link #closeUpHolders}: the next layout puts the holders next to the tree. */
  private boolean closeUp;

  /** The bridge an expand or a collapse asks the next layout for (null for any other layout). */
  private Bdf toggling;

  /**
   * Lays the graph out again with the holders next to the tree when an expand since closed again
   * left room between them (they stay where they stand while subtrees open and close: {@link
   * GraphModel#holdersX}); the layout shown for it says so ({@link #laidOutForFit}).
   */
  public void closeUpHolders() {
    GraphModel m = model.get();
    if (m == null || m.holdersApart() <= 0 || state.results() == null) {
      return;
    }
    closeUp = true;
    refresh(0, false);
  }

  /**
   * Expands every collapsed bridge above {@code bdf} and brings back the folded root-bus function
   * it is (or is below), so it gets its own chip. Returns whether the graph is laid out again for
   * it (as for a selection: the view keeps its zoom).
   */
  public boolean reveal(Bdf bdf) {
    var r = state.results();
    if (r == null || r.analysis().pci().function(bdf).isEmpty()) {
      return false;
    }
    boolean changed = GraphLayout.reveal(r.analysis(), bdf, collapsed, folded);
    if (changed) {
      refresh(-1, true);
    }
    return changed;
  }

  /**
   * Whether the host shown opened as an overview (more than {@link GraphLayout#COLLAPSE_ABOVE}
   * functions): collapsed, quiet root-bus functions left out, holders compact unless the selection
   * involves them, chips showing fewer and bigger words when zoomed out.
   */
  public boolean isOverview() {
    return overview;
  }

  /**
   * Whether {@code bdf} is left out of the graph: in an overview a quiet function on a root bus,
   * elsewhere a platform function on one ({@link GraphLayout#defaultFolded}).
   */
  public boolean isFolded(Bdf bdf) {
    return folded.contains(bdf);
  }

  /**
   * The holders a selection involves: those in a function's focus, a selected holder, the holder of
   * a selected file.
   */
  private java.util.Set<String> involvedHolders(ElementRef sel) {
    var r = state.results();
    if (r == null) {
      return java.util.Set.of();
    }
    if (sel instanceof ElementRef.FunctionRef f
        && r.analysis().pci().function(f.bdf()).isPresent()) {
      return Focus.of(r.analysis(), f.bdf()).holders();
    }
    if (sel instanceof ElementRef.HolderRef h) {
      return java.util.Set.of(h.holder());
    }
    if (sel instanceof ElementRef.FileRef f) {
      return java.util.Set.of(f.fd().holder());
    }
    return java.util.Set.of();
  }

  /** The focus {@code bdf} would have if selected; empty when it is not in the host. */
  public Optional<Focus> focusOf(Bdf bdf) {
    var r = state.results();
    return r == null || r.analysis().pci().function(bdf).isEmpty()
        ? Optional.empty()
        : Optional.of(Focus.of(r.analysis(), bdf));
  }

  /** The focus follows the selected function (none for anything else). */
  private void refocus() {
    var r = state.results();
    Focus f =
        r != null && state.selectionProperty().get() instanceof ElementRef.FunctionRef fn
            ? Focus.of(r.analysis(), fn.bdf())
            : null;
    if (!java.util.Objects.equals(f, focus.get())) {
      focus.set(f);
    }
  }

  /**
   * What the selected function's reset involves; null when no function is selected. The graph fades
   * (or hides) everything else.
   */
  public ReadOnlyObjectProperty<Focus> focusProperty() {
    return focus.getReadOnlyProperty();
  }

  /** Hide, instead of fading, what the focus does not involve. */
  public javafx.beans.property.BooleanProperty hideUnfocusedProperty() {
    return hideUnfocused;
  }

  /** Whether {@code bdf} is a vfio device in the current analysis. */
  public boolean isVfio(Bdf bdf) {
    var r = state.results();
    return r != null && r.analysis().device(bdf).isPresent();
  }

  /**
   * A layout of the shown host expected to take at most this long ({@link LayoutTimes}: as the
   * quickest of the last few took, scaled by how many more functions the change draws) is made at
   * once on the FX thread, so an expand or a collapse shows in the next frame; anything that may
   * take longer (a new host, an edit, a change that draws many more functions) is laid out in the
   * background.
   */
  static final long DIRECT_LAYOUT_NANOS = 12_000_000;

  private long directLayoutNanos = DIRECT_LAYOUT_NANOS;

  /** How many functions the last layout drew; none at first. */
  private int lastLayoutFunctions;

  /** The shown host's latest layouts, for how long the next one is expected to take. */
  private final LayoutTimes layoutTimes = new LayoutTimes();

  /** The results the model shown was laid out for, and their compare marks. */
  private WorkbenchState.Results laidOutFor;

  private Set<Bdf> marksOf = Set.of();

  /** Counts the layouts asked for: only the latest one asked for is shown. */
  private int layoutsAsked;

  private int directLayouts;

  /** Whether the model shown was laid out because the selection changed (see {@link #refresh}). */
  private boolean shownForSelection;

  /**
   * Whether the model shown was laid out again only because the selection changed: it revealed a
   * function inside a collapsed subtree or opened (or closed) the lanes of the holders it involves.
   * The view keeps its zoom for such a layout instead of fitting the graph anew.
   */
  public boolean laidOutForSelection() {
    return shownForSelection;
  }

  /** Whether the model shown was laid out for {@link #closeUpHolders}. */
  private boolean shownForFit;

  /**
   * Whether the model shown was laid out again for Fit ({@link #closeUpHolders}): the view fits it
   * when it is shown, as Fit was asked for the graph before.
   */
  public boolean laidOutForFit() {
    return shownForFit;
  }

  /** The bridge whose expand or collapse the model shown was laid out for, if it was. */
  private Optional<Bdf> shownForToggle = Optional.empty();

  /**
   * The bridge whose subtree the model shown opened or closed, when it was laid out for that alone
   * (not for an edit or a new host): the view keeps its zoom for it.
   */
  public Optional<Bdf> laidOutForToggle() {
    return shownForToggle;
  }

  /**
   * Where {@code m} draws a bridge's chip and the first row of chips below it: enough of what an
   * expand opened to see that it did, or for a collapse the chip alone. Empty when the bridge has
   * no chip in {@code m}.
   */
  public Optional<Box> openedArea(GraphModel m, Bdf bridge) {
    var r = state.results();
    Optional<Box> chip = m.function(bridge).map(GraphModel.FunctionNode::box);
    if (r == null || chip.isEmpty()) {
      return chip;
    }
    List<Box> below = new ArrayList<>();
    for (Bdf b : SubtreeFacts.of(r.analysis()).below(bridge)) {
      m.function(b).ifPresent(f -> below.add(f.box()));
    }
    double top = below.stream().mapToDouble(Box::y).min().orElse(Double.NaN);
    Box area = chip.get();
    for (Box b : below) {
      if (b.y() == top) {
        area = area.union(b);
      }
    }
    return Optional.of(area);
  }

  /**
   * Lays the graph out anew: in the background ({@code revealed} &lt; 0: the results changed, or a
   * selection revealed a function or opened holders' lanes, whose frame shows the selection first),
   * or, after an expand or a collapse that draws at most {@code revealed} more functions, at once
   * when that is expected to be quick. {@code forSelection}: asked for by a selection alone.
   */
  private void refresh(int revealed, boolean forSelection) {
    var now = state.results();
    if (now == null) {
      return;
    }
    List<Bdf> tree = now.analysis().topology().functions().stream().map(f -> f.bdf()).toList();
    boolean newHost = !tree.equals(collapsedFor);
    if (newHost) {
      // A new host: big ones open collapsed to what holders have open.
      collapsed.clear();
      collapsed.addAll(GraphLayout.defaultCollapsed(now.analysis()));
      folded.clear();
      folded.addAll(GraphLayout.defaultFolded(now.analysis()));
      overview = GraphLayout.opensAsOverview(now.analysis());
      collapsedFor = tree;
      treeGeneration++;
      layoutTimes.clear();
    }
    // The holders stay where the shown graph has them (until the tree grows past them), so an
    // expand or a collapse moves only what is below the subtree it opens or closes.
    boolean forFit = closeUp;
    closeUp = false;
    Bdf toggled = forSelection ? null : toggling;
    toggling = null;
    double holdersFrom = model.get() == null || newHost || forFit ? 0 : model.get().holdersX();
    java.util.Set<Bdf> shown = java.util.Set.copyOf(collapsed);
    java.util.Set<Bdf> left = java.util.Set.copyOf(folded);
    openHolders = overview ? involvedHolders(state.selectionProperty().get()) : java.util.Set.of();
    java.util.Set<String> full = openHolders;
    boolean compact = overview;
    int asked = ++layoutsAsked;
    java.util.function.Function<WorkbenchState.Results, Laid> layout =
        r -> {
          long t0 = System.nanoTime();
          GraphModel m =
              GraphLayout.compute(
                  r.analysis(), shown, left, h -> compact && !full.contains(h), holdersFrom);
          return new Laid(r, m, System.nanoTime() - t0, forSelection, forFit, toggled);
        };
    if (revealed >= 0 && now == laidOutFor && quick(revealed)) {
      directLayouts++;
      show(layout.apply(now), marksOf);
      return;
    }
    layouts.request(
        (r, progress) ->
            new Object[] {layout.apply(r), CompareMarks.changed(r.analysis(), r.compare())},
        v -> {
          if (asked == layoutsAsked) {
            @SuppressWarnings("unchecked")
            Set<Bdf> marks = (Set<Bdf>) v[1];
            show((Laid) v[0], marks);
          }
        });
  }

  /** A layout made, for the results it was made for, how long it took and who asked for it. */
  private record Laid(
      WorkbenchState.Results results,
      GraphModel model,
      long nanos,
      boolean forSelection,
      boolean forFit,
      Bdf toggled) {}

  /**
   * Whether a layout drawing up to {@code revealed} more functions than the last one is expected to
   * take no longer than {@link #DIRECT_LAYOUT_NANOS}.
   */
  private boolean quick(int revealed) {
    return lastLayoutFunctions > 0
        && expectedLayoutNanos(lastLayoutFunctions + revealed) <= directLayoutNanos;
  }

  /**
   * How long a layout of the shown host drawing {@code functions} functions is expected to take.
   */
  long expectedLayoutNanos(int functions) {
    return layoutTimes.expected(functions);
  }

  /** Sets how long a layout may be expected to take to be made at once (for tests). */
  void directLayoutUpTo(long nanos) {
    directLayoutNanos = nanos;
  }

  private void show(Laid laid, Set<Bdf> marks) {
    lastLayoutFunctions = laid.model().functions().size();
    layoutTimes.add(laid.nanos(), lastLayoutFunctions);
    // Only a layout of the same results: an edit or a new host shown with it is not a selection's.
    shownForSelection = laid.forSelection() && laid.results() == laidOutFor;
    shownForFit = laid.forFit();
    shownForToggle =
        laid.toggled() != null && laid.results() == laidOutFor
            ? Optional.of(laid.toggled())
            : Optional.empty();
    laidOutFor = laid.results();
    marksOf = marks;
    model.set(laid.model());
    refocus();
    changed.set(marks);
  }

  /** How many layouts were made at once on the calling thread instead of in the background. */
  int directLayouts() {
    return directLayouts;
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
    Attempt shown = bdf == null || target == null ? null : cached(bdf, target);
    dragged.set(null);
    preview.set(null);
    if (bdf == null || target == null) {
      attempts.clear();
      return false;
    }
    return move(bdf, target, shown);
  }

  public void cancelDrag() {
    dragged.set(null);
    preview.set(null);
    attempts.clear();
  }

  /** Moves a function to a target: the drop's effect, also reachable from menus. */
  public boolean move(Bdf bdf, DropTarget target) {
    return move(bdf, target, null);
  }

  private boolean move(Bdf bdf, DropTarget target, Attempt shown) {
    attempts.clear();
    Edit edit = target.edit(bdf);
    Topology before = state.topology();
    Attempt at = shown != null ? shown : count(edit.apply(before, state.profileProperty().get()));
    if (!at.succeeded()) {
      message.set("Refused: " + at.refusal().orElseThrow().headline());
      return false;
    }
    if (at.orElseThrow().equals(before)) {
      message.set(bdf + " is already there");
      return false;
    }
    if (state.execute(edit, at).isEmpty()) {
      return false;
    }
    state.select(new ElementRef.FunctionRef(bdf));
    message.set("Moved " + bdf + " to " + target.describe());
    return true;
  }

  /**
   * The verdict made for {@code target} during this drag, if the document has not changed since.
   */
  private Attempt cached(Bdf bdf, DropTarget target) {
    return bdf.equals(dragged.get()) && attemptsOn == state.document().scenario()
        ? attempts.get(target)
        : null;
  }

  private Attempt attempt(Bdf bdf, DropTarget target) {
    Attempt known = cached(bdf, target);
    if (known != null) {
      return known;
    }
    if (attemptsOn != state.document().scenario()) {
      attempts.clear();
      attemptsOn = state.document().scenario();
    }
    Attempt at = count(target.edit(bdf).apply(state.topology(), state.profileProperty().get()));
    attempts.put(target, at);
    return at;
  }

  private Attempt count(Attempt at) {
    attemptsMade++;
    return at;
  }

  /** How many times this view model asked the engine for a verdict (for tests). */
  int attemptsMade() {
    return attemptsMade;
  }

  private String describe(Attempt at, Bdf bdf, DropTarget target) {
    if (!at.succeeded()) {
      return at.refusal().orElseThrow().headline();
    }
    return "drop to move "
        + bdf
        + " to "
        + target.describe()
        + ": "
        + String.join("; ", at.steps());
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
    if (name == null || name.isBlank()) {
      message.set("A holder needs a new, unique name");
      return;
    }
    state
        .execute(new Edit.AddHolder(name))
        .ifPresent(
            at -> {
              if (at.succeeded()) {
                state.select(new ElementRef.HolderRef(name));
                message.set("New holder " + name);
              } else {
                message.set(
                    "A holder needs a new, unique name: " + at.refusal().orElseThrow().headline());
              }
            });
  }

  /** A fresh holder name ("qemu-vm2"). */
  public String suggestHolderName() {
    int n = state.topology().holders().size() + 1;
    while (state.topology().holder("qemu-vm" + n).isPresent()) {
      n++;
    }
    return "qemu-vm" + n;
  }

  /** Runs {@code action} on the UI thread after the current event (layout passes coalesce). */
  public void later(Runnable action) {
    state.executor().runOnUi(action);
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
        ? Optional.of(f.bdf())
        : Optional.empty();
  }
}
