package org.vfioworkbench.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.document.DocumentEdit;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.task.TaskExecutor;

/** The document's changes as steps of the command stack: profile, kernel edits, re-scans. */
class DocumentEditsTest {

  private final WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());

  @Test
  void aProfileSwitchAloneMarksTheDocumentDirtyAndUndoRestoresTheProfile() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    assertThat(state.isDirty()).isFalse();
    assertThat(state.setProfile(Profile.LINUX_6_6)).isTrue();
    assertThat(state.isDirty()).isTrue();
    assertThat(state.document().scenario().profile()).contains(Profile.LINUX_6_6);
    assertThat(state.results().analysis().profile()).isEqualTo(Profile.LINUX_6_6);
    assertThat(state.commands().undoLabelProperty().get()).isEqualTo("Profile linux-6.6");
    state.undo();
    assertThat(state.profileProperty().get()).isEqualTo(Profile.DEFAULT);
    assertThat(state.results().analysis().profile()).isEqualTo(Profile.DEFAULT);
    assertThat(state.isDirty()).isFalse();
    state.redo();
    assertThat(state.profileProperty().get()).isEqualTo(Profile.LINUX_6_6);
  }

  @Test
  void choosingTheProfileTheDocumentHasIsNoStep() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    assertThat(state.setProfile(Profile.DEFAULT)).isFalse();
    assertThat(state.commands().canUndoProperty().get()).isFalse();
  }

  @Test
  void aFileOpensUnderItsOwnProfileNotTheOneShownBefore() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.setProfile(Profile.LINUX_6_6);
    Scenario old =
        new Scenario(
            "old",
            "",
            java.util.Optional.of(Profile.LINUX_5_15),
            Topology.empty(),
            java.util.List.of());
    state.open(Document.of("old", old, null));
    assertThat(state.profileProperty().get()).isEqualTo(Profile.LINUX_5_15);
    assertThat(state.isDirty()).isFalse();
  }

  @Test
  void theCommandStackKeepsTheEngineEditItself() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    Edit release = new Edit.Release(Bdf.parse("0000:02:00.1"));
    assertThat(state.execute(release).orElseThrow().succeeded()).isTrue();
    assertThat(state.commands().lastCommand().orElseThrow().edit())
        .isEqualTo(new DocumentEdit.Kernel(release));
    assertThat(state.commands().undoLabelProperty().get()).isEqualTo("Release 0000:02:00.1");
  }

  @Test
  void aRefusedKernelEditIsNoStep() {
    state.open("ws", BuiltInSamples.workstation(), null);
    var at = state.execute(new Edit.MoveToGroup("qemu-vm2", Bdf.parse("0000:02:00.1")));
    assertThat(at.orElseThrow().succeeded()).isFalse();
    assertThat(state.commands().canUndoProperty().get()).isFalse();
  }

  @Test
  void aReScanOfAnUneditedHostLeavesItWithoutUnsavedChanges() {
    Topology first = BuiltInSamples.seedCase();
    state.open(Document.host("host", "scan", first, Document.Origin.LIVE_HOST));
    Topology second = first.withHolders(java.util.List.of());
    assertThat(state.rescan(second, "2 holders gone")).isTrue();
    assertThat(state.topology()).isEqualTo(second);
    assertThat(state.isDirty()).isFalse();
    assertThat(state.commands().canUndoProperty().get()).isTrue();
  }

  @Test
  void aReScanDropsASelectionThatNoLongerExists() {
    Topology first = BuiltInSamples.seedCase();
    state.open(Document.host("host", "scan", first, Document.Origin.LIVE_HOST));
    state.select(new ElementRef.HolderRef("qemu-vm1"));
    state.rescan(first.withHolders(java.util.List.of()), "holder gone");
    assertThat(state.selectionProperty().get()).isNull();
  }

  @Test
  void onlyTheLiveHostsDocumentIsReplacedByAReScan() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    assertThat(state.rescan(Topology.empty(), "everything gone")).isFalse();
    assertThat(state.topology()).isEqualTo(BuiltInSamples.seedCase());
    state.open(
        Document.host("capture", "file", BuiltInSamples.seedCase(), Document.Origin.CAPTURE));
    assertThat(state.rescan(Topology.empty(), "everything gone")).isFalse();
  }
}
