package org.vfioworkbench.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.task.TaskExecutor;

/** What the views are told after an undo or a redo: no removed element stays selected. */
class StateAfterUndoTest {

  private final WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());

  @Test
  void undoingANewHolderDropsItFromTheSelection() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    assertThat(state.execute(new Edit.AddHolder("qemu-new")).orElseThrow().succeeded()).isTrue();
    state.select(new ElementRef.HolderRef("qemu-new"));
    state.undo();
    assertThat(state.topology().holder("qemu-new")).isEmpty();
    assertThat(state.selectionProperty().get()).isNull();
    state.redo();
    assertThat(state.topology().holder("qemu-new")).isPresent();
  }

  @Test
  void undoKeepsASelectionThatStillExists() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    ElementRef device = new ElementRef.FunctionRef(Bdf.parse("0000:02:00.1"));
    state.select(device);
    state.execute(new Edit.AddHolder("qemu-new"));
    state.undo();
    assertThat(state.selectionProperty().get()).isEqualTo(device);
  }

  @Test
  void undoAndRedoSayWhatTheyDid() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.execute(new Edit.Release(Bdf.parse("0000:02:00.1")));
    state.undo();
    assertThat(state.historyMessageProperty().get()).isEqualTo("Undone: Release 0000:02:00.1");
    state.redo();
    assertThat(state.historyMessageProperty().get()).isEqualTo("Redone: Release 0000:02:00.1");
  }

  @Test
  void undoWithNothingToUndoSaysSo() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.undo();
    assertThat(state.historyMessageProperty().get()).isEqualTo("Nothing to undo");
  }
}
