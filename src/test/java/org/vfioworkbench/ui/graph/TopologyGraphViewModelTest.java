package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.info.InfoViewModel;
import org.vfioworkbench.ui.kernel.DropTarget;
import org.vfioworkbench.ui.outcomes.OutcomeRow;
import org.vfioworkbench.ui.outcomes.ResetOutcomesViewModel;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

class TopologyGraphViewModelTest {

  private static final Bdf FN0 = Bdf.parse("0000:02:00.0");
  private static final Bdf FN1 = Bdf.parse("0000:02:00.1");

  private WorkbenchState state;
  private TopologyGraphViewModel graph;
  private InfoViewModel info;
  private ResetOutcomesViewModel outcomes;

  @BeforeEach
  void openSeedCase() {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("seed", BuiltInSamples.seedCase(), null);
    graph = new TopologyGraphViewModel(state);
    info = new InfoViewModel(state);
    outcomes = new ResetOutcomesViewModel(state);
    state.select(new ElementRef.FunctionRef(FN0));
  }

  @Test
  void seedCaseInfoOnFn0ReportsDevIdWithoutOwned() {
    assertThat(info.replyProperty().get().flags()).isEqualTo("0x1 (DEV_ID)");
    assertThat(info.replyProperty().get().entries())
        .extracting(r -> r.meaning())
        .containsExactly("devid 1", "NOT_OWNED");
    assertThat(emptyArrayOnFn0()).isEqualTo("-EINVAL");
  }

  @Test
  void droppingFn1OnItsHoldersCdevLaneMakesFn0Owned() {
    graph.startDrag(FN1);
    graph.hover(new DropTarget.CdevLane("qemu-vm1"));
    assertThat(graph.previewProperty().get().allowed()).isTrue();
    assertThat(graph.drop(new DropTarget.CdevLane("qemu-vm1"))).isTrue();

    state.select(new ElementRef.FunctionRef(FN0));
    assertThat(info.replyProperty().get().flags()).isEqualTo("0x3 (DEV_ID | DEV_ID_OWNED)");
    assertThat(emptyArrayOnFn0()).isEqualTo("\u2714");
    assertThat(state.isDirty()).isTrue();
    assertThat(state.commands().undoLabelProperty().get()).contains("cdev lane");
  }

  @Test
  void undoRestoresTheMixedConfiguration() {
    graph.move(FN1, new DropTarget.CdevLane("qemu-vm1"));
    state.undo();
    state.select(new ElementRef.FunctionRef(FN0));
    assertThat(info.replyProperty().get().flags()).isEqualTo("0x1 (DEV_ID)");
    assertThat(emptyArrayOnFn0()).isEqualTo("-EINVAL");
    assertThat(state.isDirty()).isFalse();
    state.redo();
    assertThat(emptyArrayOnFn0()).isEqualTo("\u2714");
  }

  @Test
  void hoveringALaneTheKernelRefusesShowsTheErrnoAndTheDropChangesNothing() {
    state.open("ws", BuiltInSamples.workstation(), null);
    graph.startDrag(FN1);
    graph.hover(new DropTarget.GroupLane("qemu-vm2"));
    DropPreview p = graph.previewProperty().get();
    assertThat(p.allowed()).isFalse();
    assertThat(p.message()).startsWith("-EBUSY");
    org.vfioworkbench.model.Topology before = state.topology();
    assertThat(graph.drop(new DropTarget.GroupLane("qemu-vm2"))).isFalse();
    assertThat(state.topology()).isEqualTo(before);
    assertThat(graph.messageProperty().get()).startsWith("Refused: -EBUSY");
  }

  @Test
  void newHolderIsUndoable() {
    graph.newHolder(graph.suggestHolderName());
    assertThat(state.topology().holder("qemu-vm2")).isPresent();
    state.undo();
    assertThat(state.topology().holder("qemu-vm2")).isEmpty();
  }

  @Test
  void layoutPutsBothFunctionsInOneBusScopeAndTwoHulls() {
    GraphModel m = graph.modelProperty().get();
    assertThat(m.scopes())
        .extracting(GraphModel.ScopeOutline::label)
        .containsExactly("\u2718 bus 02 reset (2)");
    // fn0's natural reset fails (fn1 is NOT_OWNED by its iommufd): the scope is marked blocked.
    assertThat(m.scopes().get(0).blocked()).isTrue();
    assertThat(m.scopes().get(0).description()).startsWith("bus reset: bus 0000:02 (2 functions)");
    assertThat(m.hulls()).extracting(GraphModel.GroupHull::group).contains(20, 21);
    GraphModel.HolderNode h = m.holders().get(0);
    assertThat(h.groupLane().chips()).extracting(c -> c.fd().fd()).containsExactly(5, 6, 7);
    assertThat(h.cdevLane().chips()).extracting(c -> c.fd().fd()).containsExactly(3, 4);
    assertThat(m.fdEdges()).hasSize(3);
    assertThat(m.scopes().get(0).box().intersects(h.box())).isFalse();
  }

  private String emptyArrayOnFn0() {
    OutcomeRow row =
        outcomes.rows().stream()
            .filter(r -> r.device().equals("02:00.0"))
            .findFirst()
            .orElseThrow();
    return row.cell(ResetVariant.Kind.EMPTY_ARRAY).label();
  }

  @Test
  void theVerdictShownWhileHoveringIsTheOneTheDropApplies() {
    graph.startDrag(FN1);
    graph.hover(new DropTarget.CdevLane("qemu-vm1"));
    graph.hover(null);
    graph.hover(new DropTarget.CdevLane("qemu-vm1"));
    assertThat(graph.attemptsMade()).isEqualTo(1);
    assertThat(graph.drop(new DropTarget.CdevLane("qemu-vm1"))).isTrue();
    assertThat(graph.attemptsMade()).isEqualTo(1);
    assertThat(state.commands().undoLabelProperty().get())
        .isEqualTo("Move 0000:02:00.1 to qemu-vm1's cdev lane");
  }

  @Test
  void aVerdictMadeBeforeTheDocumentChangedIsMadeAgainAtTheDrop() {
    graph.startDrag(FN1);
    graph.hover(new DropTarget.CdevLane("qemu-vm1"));
    assertThat(graph.previewProperty().get().allowed()).isTrue();
    state.execute(new org.vfioworkbench.engine.Edit.Release(FN1));
    boolean kernelSaysNow =
        new org.vfioworkbench.engine.Edit.MoveToCdev("qemu-vm1", FN1)
            .apply(state.topology(), state.profileProperty().get())
            .succeeded();
    assertThat(graph.drop(new DropTarget.CdevLane("qemu-vm1"))).isEqualTo(kernelSaysNow);
    assertThat(graph.attemptsMade()).isEqualTo(2);
  }
}
