package org.vfioworkbench.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.explain.ExplainViewModel;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.info.InfoViewModel;
import org.vfioworkbench.ui.task.TaskExecutor;
import org.vfioworkbench.ui.trace.TraceViewModel;

/** INFO, Trace and "Why not" ask the engine once per question and analysis, and share it. */
class AnswersTest {

  private static final ElementRef FN0 = new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0"));
  private static final ElementRef FN1 = new ElementRef.FunctionRef(Bdf.parse("0000:02:00.1"));

  private final WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());

  @Test
  void threeViewsOnOneSelectionAskEachQuestionOnceAndAgainNeverForTheSameAnalysis() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    new InfoViewModel(state);
    new TraceViewModel(state);
    new ExplainViewModel(state);
    Analysis a = state.results().analysis();
    Answers shared = state.answers(a);
    FdRef fd = shared.callerFor(FN0).orElseThrow();

    state.select(FN1);
    state.select(FN0);
    int once = shared.computed();
    // INFO (one argsz), the natural reset, its replay in the trace, the explanation: per device
    assertThat(once).isPositive();
    state.select(FN1);
    state.select(FN0);
    state.select(FN1);

    assertThat(shared.computed()).isEqualTo(once);
    assertThat(state.answers(a)).isSameAs(shared);
    InfoResult memo = shared.info(fd, InfoViewModel.DEFAULT_ARGSZ);
    InfoResult fresh = a.info(fd, InfoViewModel.DEFAULT_ARGSZ);
    assertThat(memo.retLabel()).isEqualTo(fresh.retLabel());
    assertThat(memo.count()).isEqualTo(fresh.count());
    assertThat(shared.computed()).isEqualTo(once);
  }

  @Test
  void anEditGivesANewAnalysisAndSoFreshAnswers() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    new TraceViewModel(state);
    state.select(FN0);
    Answers before = state.answers(state.results().analysis());
    assertThat(before.computed()).isPositive();

    FdRef fd = before.callerFor(FN0).orElseThrow();
    state.execute(new org.vfioworkbench.engine.Edit.Close(fd.holder(), fd.fd()));

    Answers after = state.answers(state.results().analysis());
    assertThat(after).isNotSameAs(before);
    assertThat(after.analysis()).isSameAs(state.results().analysis());
  }
}
