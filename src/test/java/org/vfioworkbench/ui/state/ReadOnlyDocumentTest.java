package org.vfioworkbench.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.task.TaskExecutor;

/** Host captures and live scans open read-only: edits are refused and said so, never applied. */
class ReadOnlyDocumentTest {

  private final WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());

  private void openHost() {
    state.open(
        Document.host("This host", "scan", BuiltInSamples.seedCase(), Document.Origin.LIVE_HOST));
  }

  @Test
  void aReadOnlyDocumentRefusesEditsAndSaysWhy() {
    openHost();
    assertThat(state.readOnlyProperty().get()).isTrue();
    Topology before = state.topology();
    Topology moved = KernelCalls.release(before, Bdf.parse("0000:02:00.1")).orElseThrow();
    assertThat(state.execute("Release 0000:02:00.1", moved)).isFalse();
    assertThat(state.execute(new Edit.Release(Bdf.parse("0000:02:00.1")))).isEmpty();
    assertThat(state.topology()).isEqualTo(before);
    assertThat(state.commands().canUndoProperty().get()).isFalse();
    assertThat(state.refusedEditProperty().get())
        .startsWith("Read-only: This host")
        .contains("Release 0000:02:00.1")
        .contains("Save As");
  }

  @Test
  void aHostIsAnalysedUnderAnotherProfileWithoutBeingEdited() {
    openHost();
    assertThat(state.setProfile(Profile.LINUX_5_15)).isTrue();
    assertThat(state.results().analysis().profile()).isEqualTo(Profile.LINUX_5_15);
    assertThat(state.topology()).isEqualTo(BuiltInSamples.seedCase());
    state.undo();
    assertThat(state.profileProperty().get()).isEqualTo(Profile.DEFAULT);
  }

  @Test
  void openingAnotherDocumentMakesItEditableAgain() {
    openHost();
    state.open("seed", BuiltInSamples.seedCase(), null);
    Topology moved = KernelCalls.release(state.topology(), Bdf.parse("0000:02:00.1")).orElseThrow();
    state.execute("Release", moved);
    assertThat(state.topology()).isEqualTo(moved);
  }

  @Test
  void savingAHostMakesItAnEditableScenario() {
    openHost();
    state.markSaved(java.nio.file.Path.of("host.json"));
    assertThat(state.readOnlyProperty().get()).isFalse();
    assertThat(state.documentNameProperty().get()).isEqualTo("host.json");
    assertThat(state.execute(new Edit.Release(Bdf.parse("0000:02:00.1")))).isPresent();
    assertThat(state.isDirty()).isTrue();
  }
}
