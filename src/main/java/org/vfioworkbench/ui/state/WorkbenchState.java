package org.vfioworkbench.ui.state;

import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;

/**
 * The state every view shares: the document (topology, file, unsaved edits), the semantics profile
 * and the compare profile, the selection, the selected outcome, and the engine's analysis of the
 * current topology under each profile. Views never talk to each other; they talk to this.
 */
public final class WorkbenchState {

  /** Topologies with more functions than this are analysed through the executor. */
  static final int BACKGROUND_THRESHOLD = 400;

  private final UiExecutor executor;
  private final ReadOnlyObjectWrapper<Topology> topology =
      new ReadOnlyObjectWrapper<>(this, "topology", Topology.empty());
  private final ObjectProperty<Profile> profile =
      new SimpleObjectProperty<>(this, "profile", Profile.DEFAULT);
  private final ObjectProperty<Profile> compareProfile =
      new SimpleObjectProperty<>(this, "compareProfile");
  private final ObjectProperty<ElementRef> selection = new SimpleObjectProperty<>(this, "selection");
  private final ObjectProperty<OutcomeRef> selectedOutcome =
      new SimpleObjectProperty<>(this, "selectedOutcome");
  private final ReadOnlyObjectWrapper<Results> results =
      new ReadOnlyObjectWrapper<>(this, "results");
  private final StringProperty documentName = new SimpleStringProperty(this, "documentName", "");
  private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
  private final CommandStack commands = new CommandStack();
  private final SimpleIntegerProperty savedRevision = new SimpleIntegerProperty(0);
  private final BooleanBinding dirty;
  private long generation;

  /**
   * The engine's view of one topology: the analysis under the chosen profile and, in compare
   * mode, under the compare profile.
   *
   * @param analysis under {@link #profileProperty()}
   * @param compare under {@link #compareProfileProperty()}, or {@code null} outside compare mode
   */
  public record Results(Analysis analysis, Analysis compare) {
    public Results {
      Objects.requireNonNull(analysis, "analysis");
    }

    public boolean comparing() {
      return compare != null;
    }
  }

  public WorkbenchState(UiExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    dirty = Bindings.notEqual(commands.revisionProperty(), savedRevision);
    topology.addListener((o, a, b) -> recompute());
    profile.addListener((o, a, b) -> recompute());
    compareProfile.addListener((o, a, b) -> recompute());
    recompute();
  }

  /** Replaces the document: new topology, no history, nothing unsaved. */
  public void open(String name, Topology newTopology, Path path) {
    readOnly.set(false);
    commands.clear();
    savedRevision.set(0);
    selection.set(null);
    selectedOutcome.set(null);
    documentName.set(name);
    file.set(path);
    topology.set(newTopology);
    selection.set(firstOpenDevice(newTopology));
  }

  /** The device behind the first device fd of any holder, so INFO shows something at once. */
  private static ElementRef firstOpenDevice(Topology t) {
    return t.holders().stream().flatMap(h -> h.files().stream())
        .flatMap(f -> f.openedDevice().stream())
        .findFirst()
        .<ElementRef>map(ElementRef.FunctionRef::new)
        .orElse(null);
  }

  /**
   * A read-only document (a host capture or a live scan): edits are refused with {@link
   * #refusedEditProperty} until it is saved as a scenario.
   */
  private final javafx.beans.property.BooleanProperty readOnly =
      new javafx.beans.property.SimpleBooleanProperty(false);
  private final javafx.beans.property.StringProperty refusedEdit =
      new javafx.beans.property.SimpleStringProperty("");

  public javafx.beans.property.BooleanProperty readOnlyProperty() {
    return readOnly;
  }

  /** The last edit refused because the document is read-only, in words. */
  public javafx.beans.property.ReadOnlyStringProperty refusedEditProperty() {
    return refusedEdit;
  }

  /** Applies an edit and records it for undo; refused (and said why) on a read-only document. */
  public void execute(String label, Topology after) {
    if (readOnly.get()) {
      refusedEdit.set("");
      refusedEdit.set("Read-only: " + documentName.get() + " shows a real host. \"" + label
          + "\" was not applied; File › Save As… makes it an editable scenario.");
      return;
    }
    Topology before = topology.get();
    if (before.equals(after)) {
      return;
    }
    commands.push(new TopologyCommand(label, before, after));
    topology.set(after);
  }

  public void undo() {
    commands.undo().ifPresent(c -> topology.set(c.before()));
  }

  public void redo() {
    commands.redo().ifPresent(c -> topology.set(c.after()));
  }

  /** Marks the current state as saved to {@code path}. */
  public void markSaved(Path path, String name) {
    file.set(path);
    documentName.set(name);
    savedRevision.set(commands.revisionProperty().get());
  }

  private void recompute() {
    Topology t = topology.get();
    Profile p = profile.get();
    Profile c = compareProfile.get();
    long gen = ++generation;
    if (t.functions().size() <= BACKGROUND_THRESHOLD) {
      results.set(analyse(t, p, c));
      return;
    }
    executor.submit(() -> analyse(t, p, c), r -> {
      if (gen == generation) {
        results.set(r);
      }
    });
  }

  private static Results analyse(Topology t, Profile p, Profile c) {
    return new Results(Analysis.of(t, p), c == null ? null : Analysis.of(t, c));
  }

  /** The executor view models use for derived tables and layouts of big hosts. */
  public UiExecutor executor() {
    return executor;
  }

  /**
   * Computes something from the current results through the executor and hands it to {@code
   * apply} on the UI thread, unless newer results arrived meanwhile.
   */
  public <T> void derive(java.util.function.Function<Results, T> compute,
      java.util.function.Consumer<T> apply) {
    Results r = results.get();
    if (r == null) {
      return;
    }
    executor.submit(() -> compute.apply(r), v -> {
      if (results.get() == r) {
        apply.accept(v);
      }
    });
  }

  public Topology topology() {
    return topology.get();
  }

  public ReadOnlyObjectProperty<Topology> topologyProperty() {
    return topology.getReadOnlyProperty();
  }

  /** The latest results; they may trail {@link #topology()} briefly for big hosts. */
  public Results results() {
    return results.get();
  }

  public ReadOnlyObjectProperty<Results> resultsProperty() {
    return results.getReadOnlyProperty();
  }

  public ObjectProperty<Profile> profileProperty() {
    return profile;
  }

  public ObjectProperty<Profile> compareProfileProperty() {
    return compareProfile;
  }

  public ObjectProperty<ElementRef> selectionProperty() {
    return selection;
  }

  public ObjectProperty<OutcomeRef> selectedOutcomeProperty() {
    return selectedOutcome;
  }

  public StringProperty documentNameProperty() {
    return documentName;
  }

  public ObjectProperty<Path> fileProperty() {
    return file;
  }

  public CommandStack commands() {
    return commands;
  }

  /** True while the document has edits that were not saved. */
  public BooleanBinding dirtyProperty() {
    return dirty;
  }

  public boolean isDirty() {
    return dirty.get();
  }

  public void select(ElementRef ref) {
    selection.set(ref);
  }
}
