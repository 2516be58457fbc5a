package org.vfioworkbench.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/** A hidden Trace view works nothing out on selection changes, and catches up when shown. */
class TraceShownTest {

  private static final ElementRef FN0 = new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0"));
  private static final ElementRef FN1 = new ElementRef.FunctionRef(Bdf.parse("0000:02:00.1"));

  private final WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());

  @Test
  void hiddenItComputesNothingAndShownOnceItShowsTheLatestSelection() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    state.select(FN1);
    TraceViewModel hidden = new TraceViewModel(state);
    TraceViewModel shown = new TraceViewModel(state);
    List<TraceRow> before = List.copyOf(hidden.rows());
    String titleBefore = hidden.titleProperty().get();
    hidden.setShown(false);
    int runs = hidden.refreshes();

    state.select(FN0);
    state.select(null);
    state.select(FN0);

    assertThat(hidden.refreshes()).isEqualTo(runs);
    assertThat(hidden.rows()).containsExactlyElementsOf(before);
    assertThat(hidden.titleProperty().get()).isEqualTo(titleBefore);
    assertThat(shown.titleProperty().get()).isNotEqualTo(titleBefore);

    hidden.setShown(true);

    assertThat(hidden.refreshes()).isEqualTo(runs + 1);
    assertThat(hidden.rows()).containsExactlyElementsOf(shown.rows()).isNotEmpty();
    assertThat(hidden.titleProperty().get()).isEqualTo(shown.titleProperty().get());
  }

  @Test
  void shownWithNothingNewItDoesNotRecompute() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    TraceViewModel vm = new TraceViewModel(state);
    vm.setShown(false);
    int runs = vm.refreshes();
    vm.setShown(true);
    assertThat(vm.refreshes()).isEqualTo(runs);
  }
}
