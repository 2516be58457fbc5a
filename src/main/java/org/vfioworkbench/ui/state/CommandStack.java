package org.vfioworkbench.ui.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.ui.document.DocumentCommand;

/**
 * The undo history: executes {@link DocumentCommand}s by restoring their snapshots, keeps at most
 * {@link #capacity()} of them (the oldest is dropped), and numbers every state with a revision so
 * the document knows whether it moved away from its last save. An execute, undo or redo asked for
 * while another one runs (a listener reacting to the change) is refused, never nested.
 */
public final class CommandStack {

  /** How many steps Undo can go back by default. */
  public static final int DEFAULT_CAPACITY = 200;

  private static final Logger LOG = Logger.getLogger(CommandStack.class.getName());

  /** One step and the revisions before and after it. */
  private record Entry(DocumentCommand command, int revisionBefore, int revisionAfter) {}

  private final Consumer<Scenario> restore;
  private final int capacity;
  private final Deque<Entry> undo = new ArrayDeque<>();
  private final Deque<Entry> redo = new ArrayDeque<>();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
  private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
  private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
  private int nextRevision = 1;
  private boolean busy;

  /**
   * @param restore makes a scenario the document's content (called for execute, undo and redo)
   */
  public CommandStack(Consumer<Scenario> restore) {
    this(restore, DEFAULT_CAPACITY);
  }

  public CommandStack(Consumer<Scenario> restore, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.restore = Objects.requireNonNull(restore, "restore");
    this.capacity = capacity;
  }

  /**
   * Applies {@code command} (restores its {@code after}) and records it; clears the redo stack.
   * Returns false, changing nothing, when called while another step runs.
   */
  public boolean execute(DocumentCommand command) {
    Objects.requireNonNull(command, "command");
    if (refusedWhileBusy(command.label())) {
      return false;
    }
    busy = true;
    try {
      restore.accept(command.after());
      int after = nextRevision++;
      undo.push(new Entry(command, revision.get(), after));
      if (undo.size() > capacity) {
        undo.removeLast();
      }
      redo.clear();
      revision.set(after);
    } finally {
      busy = false;
      refresh();
    }
    return true;
  }

  /** Restores the state before the last step; empty when there is none or a step runs. */
  public Optional<DocumentCommand> undo() {
    if (undo.isEmpty() || refusedWhileBusy("undo")) {
      return Optional.empty();
    }
    busy = true;
    try {
      Entry e = undo.peek();
      restore.accept(e.command().before());
      redo.push(undo.pop());
      revision.set(e.revisionBefore());
      return Optional.of(e.command());
    } finally {
      busy = false;
      refresh();
    }
  }

  /** Restores the state after the last undone step; empty when there is none or a step runs. */
  public Optional<DocumentCommand> redo() {
    if (redo.isEmpty() || refusedWhileBusy("redo")) {
      return Optional.empty();
    }
    busy = true;
    try {
      Entry e = redo.peek();
      restore.accept(e.command().after());
      undo.push(redo.pop());
      revision.set(e.revisionAfter());
      return Optional.of(e.command());
    } finally {
      busy = false;
      refresh();
    }
  }

  /** Forgets all history (a new document was opened); the revision becomes 0. */
  public void clear() {
    undo.clear();
    redo.clear();
    revision.set(0);
    refresh();
  }

  private boolean refusedWhileBusy(String what) {
    if (busy) {
      LOG.warning(() -> "\"" + what + "\" was refused: it was asked for while another edit ran");
    }
    return busy;
  }

  private void refresh() {
    canUndo.set(!undo.isEmpty());
    canRedo.set(!redo.isEmpty());
    undoLabel.set(undo.isEmpty() ? "" : undo.peek().command().label());
    redoLabel.set(redo.isEmpty() ? "" : redo.peek().command().label());
  }

  /** True while an execute, undo or redo runs. */
  public boolean isBusy() {
    return busy;
  }

  /** The most steps Undo can go back. */
  public int capacity() {
    return capacity;
  }

  /** How many steps Undo can go back now. */
  public int undoDepth() {
    return undo.size();
  }

  /** The last step, if any (what Undo would undo). */
  public Optional<DocumentCommand> lastCommand() {
    return Optional.ofNullable(undo.peek()).map(Entry::command);
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty undoLabelProperty() {
    return undoLabel.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty redoLabelProperty() {
    return redoLabel.getReadOnlyProperty();
  }

  /**
   * Identifies the current document state: every executed step gets a new number, undo and redo
   * return to the number the state had. Equal revisions mean equal content; a dropped step's
   * revision is never reached again.
   */
  public ReadOnlyIntegerProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }
}
