package org.vfioworkbench.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.task.TaskExecutor;

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
    assertThat(state.results().compare().profile())
        .isEqualTo(org.vfioworkbench.engine.Profile.LINUX_5_15);
  }

  // ---- the stack itself ----

  private final java.util.List<String> restored = new java.util.ArrayList<>();

  private static org.vfioworkbench.scenario.Scenario named(String name) {
    return new org.vfioworkbench.scenario.Scenario(
        name, "", java.util.Optional.empty(), Topology.empty(), java.util.List.of());
  }

  private static org.vfioworkbench.ui.document.DocumentCommand step(int i) {
    return new org.vfioworkbench.ui.document.DocumentCommand(
        new org.vfioworkbench.ui.document.DocumentEdit.Model("step " + i, Topology.empty()),
        "step " + i,
        named("s" + (i - 1)),
        named("s" + i));
  }

  @Test
  void theOldestStepIsDroppedAtTheCapAndTheSavedStateIsThenNeverReachedByUndo() {
    CommandStack stack = new CommandStack(s -> restored.add(s.name()), 3);
    stack.execute(step(1));
    int saved = stack.revisionProperty().get();
    for (int i = 2; i <= 5; i++) {
      stack.execute(step(i));
    }
    assertThat(stack.undoDepth()).isEqualTo(3);
    while (stack.undo().isPresent()) {
      assertThat(stack.revisionProperty().get()).isNotEqualTo(saved);
    }
    assertThat(restored).endsWith("s4", "s3", "s2");
    assertThat(stack.revisionProperty().get()).isNotEqualTo(saved);
  }

  @Test
  void theSavedRevisionIsReachedAgainByUndoAndRedoWithinTheCap() {
    CommandStack stack = new CommandStack(s -> restored.add(s.name()), 200);
    for (int i = 1; i <= 250; i++) {
      stack.execute(step(i));
    }
    int saved = stack.revisionProperty().get();
    stack.undo();
    stack.undo();
    assertThat(stack.revisionProperty().get()).isNotEqualTo(saved);
    stack.redo();
    stack.redo();
    assertThat(stack.revisionProperty().get()).isEqualTo(saved);
    assertThat(stack.undoDepth()).isEqualTo(200);
    stack.undo();
    stack.execute(step(999));
    assertThat(stack.revisionProperty().get()).isNotEqualTo(saved);
    assertThat(stack.canRedoProperty().get()).isFalse();
  }

  @Test
  void anExecuteAskedForWhileAStepRunsIsRefusedAndChangesNothing() {
    CommandStack[] self = new CommandStack[1];
    java.util.List<Boolean> nested = new java.util.ArrayList<>();
    self[0] =
        new CommandStack(
            s -> {
              restored.add(s.name());
              if (s.name().equals("s1")) {
                nested.add(self[0].execute(step(7)));
                nested.add(self[0].undo().isPresent());
              }
            });
    assertThat(self[0].execute(step(1))).isTrue();
    assertThat(nested).containsExactly(false, false);
    assertThat(restored).containsExactly("s1");
    assertThat(self[0].undoDepth()).isEqualTo(1);
    assertThat(self[0].undoLabelProperty().get()).isEqualTo("step 1");
    assertThat(self[0].isBusy()).isFalse();
  }

  @Test
  void aListenerThatEditsDuringAnUndoIsRefused() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.execute("Remove holders", BuiltInSamples.seedCase().withHolders(java.util.List.of()));
    java.util.List<Boolean> nested = new java.util.ArrayList<>();
    state
        .topologyProperty()
        .addListener((o, a, b) -> nested.add(state.execute("Clear", Topology.empty())));
    state.undo();
    assertThat(nested).containsExactly(false);
    assertThat(state.topology()).isEqualTo(BuiltInSamples.seedCase());
    assertThat(state.commands().canRedoProperty().get()).isTrue();
  }
}
