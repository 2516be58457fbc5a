package org.vfioworkbench.ui.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Two stacks of {@link TopologyCommand}s with observable labels for the Edit menu and a revision
 * counter that tells whether the document moved away from its last save.
 */
public final class CommandStack {

  private final Deque<TopologyCommand> undo = new ArrayDeque<>();
  private final Deque<TopologyCommand> redo = new ArrayDeque<>();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
  private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
  private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
  private int nextRevision = 1;
  private final Deque<Integer> undoRevisions = new ArrayDeque<>();
  private final Deque<Integer> redoRevisions = new ArrayDeque<>();

  /** Records an edit that has just been applied; clears the redo stack. */
  public void push(TopologyCommand command) {
    undo.push(command);
    undoRevisions.push(revision.get());
    redo.clear();
    redoRevisions.clear();
    revision.set(nextRevision++);
    refresh();
  }

  /** Pops the last edit; the caller restores {@code before}. */
  public Optional<TopologyCommand> undo() {
    if (undo.isEmpty()) {
      return Optional.empty();
    }
    TopologyCommand c = undo.pop();
    redo.push(c);
    redoRevisions.push(revision.get());
    revision.set(undoRevisions.pop());
    refresh();
    return Optional.of(c);
  }

  /** Pops the last undone edit; the caller restores {@code after}. */
  public Optional<TopologyCommand> redo() {
    if (redo.isEmpty()) {
      return Optional.empty();
    }
    TopologyCommand c = redo.pop();
    undo.push(c);
    undoRevisions.push(revision.get());
    revision.set(redoRevisions.pop());
    refresh();
    return Optional.of(c);
  }

  /** Forgets all history (a new document was opened). */
  public void clear() {
    undo.clear();
    redo.clear();
    undoRevisions.clear();
    redoRevisions.clear();
    revision.set(0);
    refresh();
  }

  private void refresh() {
    canUndo.set(!undo.isEmpty());
    canRedo.set(!redo.isEmpty());
    undoLabel.set(undo.isEmpty() ? "" : undo.peek().label());
    redoLabel.set(redo.isEmpty() ? "" : redo.peek().label());
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

  /** Identifies the current document state; equal revisions mean equal content. */
  public ReadOnlyIntegerProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }
}
