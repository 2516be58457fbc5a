package org.vfioworkbench.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.ui.task.TaskExecutor;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.files.BuiltInSamples;

class CommandStackTest {

  private final WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());

  @Test
  void undoAndRedoSwapSnapshotsAndLabelsFollow() {
    Topology seed = BuiltInSamples.seedCase();
    state.open("seed", seed, null);
    Topology edited = seed.withHolders(java.util.List.of());
    state.execute("Remove holders", edited);
    assertThat(state.commands().undoLabelProperty().get()).isEqualTo("Remove holders");
    assertThat(state.isDirty()).isTrue();
    state.undo();
    assertThat(state.topology()).isEqualTo(seed);
    assertThat(state.isDirty()).isFalse();
    assertThat(state.commands().redoLabelProperty().get()).isEqualTo("Remove holders");
    state.redo();
    assertThat(state.topology()).isEqualTo(edited);
  }

  @Test
  void savingMakesTheDocumentCleanUntilTheNextEdit() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.execute("Clear", Topology.empty());
    state.markSaved(java.nio.file.Path.of("x.json"));
    assertThat(state.isDirty()).isFalse();
    state.undo();
    assertThat(state.isDirty()).isTrue();
  }

  @Test
  void aNoOpEditIsNotRecorded() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.execute("Nothing", state.topology());
    assertThat(state.commands().canUndoProperty().get()).isFalse();
  }

  @Test
  void compareModeAnalysesUnderBothProfiles() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.compareProfileProperty().set(org.vfioworkbench.engine.Profile.LINUX_5_15);
    assertThat(state.results().comparing()).isTrue();
    assertThat(state.results().compare().profile()).isEqualTo(org.vfioworkbench.engine.Profile.LINUX_5_15);
  }
}
