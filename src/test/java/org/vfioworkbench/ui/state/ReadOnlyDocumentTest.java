package org.vfioworkbench.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.files.BuiltInSamples;

/** Host captures and live scans open read-only: edits are refused and said so, never applied. */
class ReadOnlyDocumentTest {

  @Test
  void aReadOnlyDocumentRefusesEditsAndSaysWhy() {
    WorkbenchState state = new WorkbenchState(UiExecutor.direct());
    state.open("This host", BuiltInSamples.seedCase(), null);
    state.readOnlyProperty().set(true);
    Topology before = state.topology();
    Topology moved = KernelCalls.release(before, Bdf.parse("0000:02:00.1")).orElseThrow();
    state.execute("Release 0000:02:00.1", moved);
    assertThat(state.topology()).isEqualTo(before);
    assertThat(state.commands().canUndoProperty().get()).isFalse();
    assertThat(state.refusedEditProperty().get()).startsWith("Read-only: This host")
        .contains("Release 0000:02:00.1").contains("Save As");
  }

  @Test
  void openingAnotherDocumentMakesItEditableAgain() {
    WorkbenchState state = new WorkbenchState(UiExecutor.direct());
    state.open("This host", BuiltInSamples.seedCase(), null);
    state.readOnlyProperty().set(true);
    state.open("seed", BuiltInSamples.seedCase(), null);
    Topology moved = KernelCalls.release(state.topology(), Bdf.parse("0000:02:00.1")).orElseThrow();
    state.execute("Release", moved);
    assertThat(state.topology()).isEqualTo(moved);
  }
}
