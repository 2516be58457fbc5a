package org.vfioworkbench.ui.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.QueuedExecutor;

/** On a big host the explanation is computed through the executor, and a stale one is dropped. */
class ExplainInTheBackgroundTest {

  @Test
  void aBigHostIsExplainedThroughTheExecutorAndOnlyTheLatestSelectionIsShown() {
    QueuedExecutor executor = new QueuedExecutor();
    WorkbenchState state = new WorkbenchState(executor);
    state.open("large", BuiltInSamples.largeHost(1_000), null);
    executor.runAll();
    ExplainViewModel vm = new ExplainViewModel(state);
    executor.runAll();
    Analysis a = state.results().analysis();
    assertThat(a.topology().functions().size())
        .isGreaterThan(ExplainViewModel.BACKGROUND_THRESHOLD);
    List<FdRef> fds = a.deviceFds();
    assertThat(fds.size()).isGreaterThanOrEqualTo(2);

    state.select(new ElementRef.FileRef(fds.get(0)));
    state.select(new ElementRef.FileRef(fds.get(1)));
    assertThat(vm.busyProperty().get()).isTrue();

    executor.runAll();

    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.reportProperty().get().caller())
        .startsWith(fds.get(1).holder() + " fd " + fds.get(1).fd() + " ");
  }

  @Test
  void hiddenItQueuesNothingAndShownItExplainsOnlyTheLatestKeepingThePreviousMeanwhile() {
    QueuedExecutor executor = new QueuedExecutor();
    WorkbenchState state = new WorkbenchState(executor);
    state.open("large", BuiltInSamples.largeHost(1_000), null);
    executor.runAll();
    ExplainViewModel vm = new ExplainViewModel(state);
    executor.runAll();
    List<FdRef> fds = state.results().analysis().deviceFds();
    state.select(new ElementRef.FileRef(fds.get(0)));
    executor.runAll();
    ExplainReport first = vm.reportProperty().get();
    assertThat(first.caller()).startsWith(fds.get(0).holder() + " fd " + fds.get(0).fd() + " ");
    vm.setShown(false);
    int runs = vm.refreshes();

    state.select(new ElementRef.FileRef(fds.get(1)));
    state.select(new ElementRef.FileRef(fds.get(2 % fds.size())));
    state.select(new ElementRef.FileRef(fds.get(1)));

    assertThat(executor.queued()).isEmpty();
    assertThat(vm.refreshes()).isEqualTo(runs);

    vm.setShown(true);

    assertThat(executor.queued()).hasSize(1);
    assertThat(vm.busyProperty().get()).isTrue();
    assertThat(vm.reportProperty().get()).isSameAs(first);
    executor.runAll();
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.reportProperty().get().caller())
        .startsWith(fds.get(1).holder() + " fd " + fds.get(1).fd() + " ");
  }
}
