package org.vfioworkbench.ui.state;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Expectation;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.document.DocumentCommand;
import org.vfioworkbench.ui.document.DocumentEdit;
import org.vfioworkbench.ui.task.BackgroundTask;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * The state every view shares: the one open {@link Document} (scenario with profile, file,
 * read-only flag, saved revision) and its undo history, the compare profile, the selection, the
 * selected outcome, and the engine's analysis of the document under each profile. Every change of
 * the document, the profile included, goes through {@link CommandStack} as an undoable step. Views
 * never talk to each other; they talk to this.
 */
public final class WorkbenchState {

  /** Topologies with more functions than this are analysed through the executor. */
  static final int BACKGROUND_THRESHOLD = 400;

  private final TaskExecutor executor;
  private final ReadOnlyObjectWrapper<List<Diagnostic>> hostFacts =
      new ReadOnlyObjectWrapper<>(this, "hostFacts", List.of());
  private final ReadOnlyObjectWrapper<Document> document =
      new ReadOnlyObjectWrapper<>(this, "document", Document.untitled());
  private final ReadOnlyObjectWrapper<Topology> topology =
      new ReadOnlyObjectWrapper<>(this, "topology", Topology.empty());
  private final ReadOnlyObjectWrapper<Profile> profile =
      new ReadOnlyObjectWrapper<>(this, "profile", Profile.DEFAULT);
  private final ReadOnlyStringWrapper documentName =
      new ReadOnlyStringWrapper(this, "documentName", "Untitled");
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
  private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
  private final ReadOnlyIntegerWrapper savedRevision = new ReadOnlyIntegerWrapper(this, "saved");
  private final ObjectProperty<Profile> compareProfile =
      new SimpleObjectProperty<>(this, "compareProfile");
  private final ObjectProperty<ElementRef> selection =
      new SimpleObjectProperty<>(this, "selection");
  private final ObjectProperty<OutcomeRef> selectedOutcome =
      new SimpleObjectProperty<>(this, "selectedOutcome");
  private final ReadOnlyObjectWrapper<Results> results =
      new ReadOnlyObjectWrapper<>(this, "results");
  private final ReadOnlyStringWrapper refusedEdit = new ReadOnlyStringWrapper(this, "refused", "");
  private final ReadOnlyIntegerWrapper opens = new ReadOnlyIntegerWrapper(this, "opens");
  private final ReadOnlyStringWrapper historyMessage =
      new ReadOnlyStringWrapper(this, "historyMessage", "");
  private final CommandStack commands = new CommandStack(this::restore);
  private Answers answers;
  private Answers compareAnswers;
  private final BooleanBinding dirty;
  private long generation;

  /**
   * The engine's view of one topology: the analysis under the chosen profile and, in compare mode,
   * under the compare profile.
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

  public WorkbenchState(TaskExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    dirty = Bindings.notEqual(commands.revisionProperty(), savedRevision);
    document.addListener((o, before, after) -> documentChanged(before, after));
    compareProfile.addListener((o, a, b) -> recompute());
    recompute();
  }

  // ---- the document ----

  /**
   * Replaces the document: no history, nothing unsaved, the first open device selected (nothing on
   * a host with more than {@link #SELECT_ON_OPEN_UP_TO} functions).
   */
  public void open(Document newDocument) {
    open(newDocument, List.of());
  }

  /**
   * Replaces the document with a scanned host's, with what the scan could not read or inferred
   * ({@link #hostFactsProperty()}).
   */
  public void open(Document newDocument, List<Diagnostic> scanFacts) {
    Objects.requireNonNull(newDocument, "newDocument");
    hostFacts.set(List.copyOf(scanFacts));
    commands.clear();
    selection.set(null);
    selectedOutcome.set(null);
    document.set(newDocument.cleanAt(0));
    selection.set(firstOpenDevice(newDocument.topology()));
    opens.set(opens.get() + 1);
  }

  /** Opens {@code newTopology} as an editable scenario under the default profile. */
  public void open(String name, Topology newTopology, Path path) {
    open(Document.of(name, Scenario.of(newTopology), path));
  }

  /**
   * Hosts up to this many functions open with their first open device selected; bigger ones open
   * with nothing selected, so the graph shows the whole host (a selection would focus it on one
   * device's reset and fade the rest) and the operator picks what to look at.
   */
  public static final int SELECT_ON_OPEN_UP_TO = 150;

  /**
   * The device behind the first device fd of any holder, so INFO shows something at once; none on a
   * big host.
   */
  private static ElementRef firstOpenDevice(Topology t) {
    if (t.functions().size() > SELECT_ON_OPEN_UP_TO) {
      return null;
    }
    return t.holders().stream()
        .flatMap(h -> h.files().stream())
        .flatMap(f -> f.openedDevice().stream())
        .findFirst()
        .<ElementRef>map(ElementRef.FunctionRef::new)
        .orElse(null);
  }

  /**
   * Tries a kernel edit on the document and records it when the kernel allows it. Returns the
   * attempt (a refused one changes nothing), or empty when the document is read-only (said in
   * {@link #refusedEditProperty}) or another edit is running.
   */
  public Optional<Attempt> execute(Edit edit) {
    return execute(edit, null);
  }

  /**
   * As {@link #execute(Edit)}, with the attempt already made on the current document (a drag's
   * verdict, shown while hovering); {@code null} makes it here.
   */
  public Optional<Attempt> execute(Edit edit, Attempt known) {
    DocumentEdit.Kernel e = new DocumentEdit.Kernel(edit);
    if (refusedAsReadOnly(e)) {
      return Optional.empty();
    }
    Scenario before = document.get().scenario();
    Attempt at = known != null ? known : e.attempt(before);
    if (at.succeeded()) {
      Topology after = at.orElseThrow();
      if (!after.equals(before.topology()) && !record(e, before.withTopology(after))) {
        return Optional.empty();
      }
    }
    return Optional.of(at);
  }

  /** Sets model facts directly (a quirk, a slot's reset support) as an undoable step. */
  public boolean execute(String label, Topology after) {
    DocumentEdit.Model e = new DocumentEdit.Model(label, after);
    return !refusedAsReadOnly(e) && record(e, document.get().scenario().withTopology(after));
  }

  /**
   * Switches the profile the document is analysed under and saved with, as an undoable step.
   * Expectations that named no profile of their own were written for the old one and keep it, so
   * they still claim what they claimed.
   */
  public boolean setProfile(Profile newProfile) {
    Objects.requireNonNull(newProfile, "newProfile");
    Scenario s = document.get().scenario();
    Profile old = s.profileOrDefault();
    if (old == newProfile) {
      return false;
    }
    List<Expectation> pinned =
        s.expectations().stream()
            .map(
                e ->
                    e.profile().isPresent()
                        ? e
                        : new Expectation(
                            e.row(), e.about(), Optional.of(old), e.call(), e.result()))
            .toList();
    return record(
        new DocumentEdit.ProfileChange(newProfile),
        new Scenario(s.name(), s.description(), Optional.of(newProfile), s.topology(), pinned));
  }

  /**
   * Replaces the live host's topology with a new scan, as one undoable step that keeps the
   * selection when the selected element still exists. A re-scan of a document without unsaved
   * changes leaves it without. Refused (false) unless the document is the live host's.
   */
  public boolean rescan(Topology after, String summary, List<Diagnostic> scanFacts) {
    boolean done = rescan(after, summary);
    if (done) {
      hostFacts.set(List.copyOf(scanFacts));
    }
    return done;
  }

  /** As {@link #rescan(Topology, String, List)}, the scan's own facts unchanged. */
  public boolean rescan(Topology after, String summary) {
    Document d = document.get();
    if (d.origin() != Document.Origin.LIVE_HOST) {
      return false;
    }
    boolean wasClean = !isDirty();
    ElementRef kept = selection.get();
    if (!record(new DocumentEdit.Rescan(after, summary), d.scenario().withTopology(after))) {
      return false;
    }
    if (wasClean) {
      document.set(document.get().cleanAt(commands.revisionProperty().get()));
    }
    selection.set(kept != null && kept.existsIn(after) ? kept : null);
    return true;
  }

  private boolean refusedAsReadOnly(DocumentEdit e) {
    if (!document.get().readOnly() || e.allowedOnReadOnly()) {
      return false;
    }
    refusedEdit.set("");
    refusedEdit.set(
        "Read-only: "
            + document.get().title()
            + " shows a real host. \""
            + e.label()
            + "\" was not applied; File › Save As… makes it an editable scenario.");
    return true;
  }

  private boolean record(DocumentEdit e, Scenario after) {
    Scenario before = document.get().scenario();
    if (before.equals(after)) {
      return false;
    }
    return commands.execute(DocumentCommand.of(e, before, after));
  }

  /** Undoes the last step and says so in {@link #historyMessageProperty()}. */
  public void undo() {
    say(commands.undo().map(c -> "Undone: " + c.label()).orElse("Nothing to undo"));
  }

  /** Redoes the last undone step and says so in {@link #historyMessageProperty()}. */
  public void redo() {
    say(commands.redo().map(c -> "Redone: " + c.label()).orElse("Nothing to redo"));
  }

  private void say(String message) {
    historyMessage.set("");
    historyMessage.set(message);
  }

  /**
   * Makes {@code content} the document's; a selection naming an element it no longer has (a holder
   * an undo removed) is dropped, so no view goes on describing it.
   */
  private void restore(Scenario content) {
    document.set(document.get().withScenario(content));
    ElementRef selected = selection.get();
    if (selected != null && !selected.existsIn(topology.get())) {
      selection.set(null);
    }
  }

  /** Marks the current state as saved to {@code path}: an editable scenario, nothing unsaved. */
  public void markSaved(Path path) {
    document.set(document.get().savedAs(path, commands.revisionProperty().get()));
  }

  private void documentChanged(Document before, Document after) {
    documentName.set(after.title());
    file.set(after.file());
    readOnly.set(after.readOnly());
    savedRevision.set(after.savedRevision());
    boolean analyse = before.topology() != after.topology() || before.profile() != after.profile();
    topology.set(after.topology());
    profile.set(after.profile());
    if (analyse) {
      recompute();
    }
  }

  // ---- analysis ----

  private void recompute() {
    Topology t = topology.get();
    Profile p = profile.get();
    Profile c = compareProfile.get();
    long gen = ++generation;
    Results previous = results.get();
    if (t.functions().size() <= BACKGROUND_THRESHOLD) {
      results.set(analyse(previous, t, p, c));
      return;
    }
    executor.execute(
        BackgroundTask.of(
                "Analysing " + t.functions().size() + " functions",
                progress -> analyse(previous, t, p, c))
            .onSuccess(
                r -> {
                  if (gen == generation) {
                    results.set(r);
                  }
                }));
  }

  /**
   * The analyses of {@code t}: derived from {@code previous} where an edit left the PCI part as it
   * was (a holder edit replays only the files it touched), else from scratch.
   */
  private static Results analyse(Results previous, Topology t, Profile p, Profile c) {
    return new Results(
        previous == null ? Analysis.of(t, p) : Analysis.after(previous.analysis(), t, p),
        c == null
            ? null
            : previous == null || previous.compare() == null
                ? Analysis.of(t, c)
                : Analysis.after(previous.compare(), t, c));
  }

  /**
   * The shared answers about {@code a}: the same object for every view while {@code a} is the
   * current analysis (or compare analysis), so each question is asked of the engine once; a fresh,
   * unshared one for any other analysis. Call on the UI thread.
   */
  public Answers answers(Analysis a) {
    Objects.requireNonNull(a, "a");
    for (Answers known : new Answers[] {answers, compareAnswers}) {
      if (known != null && known.analysis() == a) {
        return known;
      }
    }
    Answers made = new Answers(a);
    Results r = results.get();
    if (r != null && r.analysis() == a) {
      answers = made;
    } else if (r != null && r.compare() == a) {
      compareAnswers = made;
    }
    return made;
  }

  /** The executor view models and actions use for work that may be slow. */
  public TaskExecutor executor() {
    return executor;
  }

  /**
   * A new derivation for one view's content: computed from the current results off the UI thread,
   * one computation at a time, the newest request winning (see {@link Derivation}). Call on the UI
   * thread.
   */
  public Derivation derivation(String title) {
    return new Derivation(this, title);
  }

  // ---- accessors ----

  /**
   * What the scan behind the document could not read, and what it inferred or found missing: empty
   * for scenario files. Not part of the document (a save does not write it).
   */
  public ReadOnlyObjectProperty<List<Diagnostic>> hostFactsProperty() {
    return hostFacts.getReadOnlyProperty();
  }

  public Document document() {
    return document.get();
  }

  public ReadOnlyObjectProperty<Document> documentProperty() {
    return document.getReadOnlyProperty();
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

  /** The document's profile; change it with {@link #setProfile}. */
  public ReadOnlyObjectProperty<Profile> profileProperty() {
    return profile.getReadOnlyProperty();
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

  public ReadOnlyStringProperty documentNameProperty() {
    return documentName.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** True for host captures and live scans until they are saved as a scenario. */
  public ReadOnlyBooleanProperty readOnlyProperty() {
    return readOnly.getReadOnlyProperty();
  }

  /**
   * How many documents were opened so far: it changes each time {@link #open} replaces the document
   * (edits, undo and re-scans leave it alone).
   */
  public javafx.beans.property.ReadOnlyIntegerProperty opensProperty() {
    return opens.getReadOnlyProperty();
  }

  /** What the last undo or redo did, in words ("Undone: Release 0000:02:00.1"). */
  public ReadOnlyStringProperty historyMessageProperty() {
    return historyMessage.getReadOnlyProperty();
  }

  /** The last edit refused because the document is read-only, in words. */
  public ReadOnlyStringProperty refusedEditProperty() {
    return refusedEdit.getReadOnlyProperty();
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
