package org.vfioworkbench.ui.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.BackgroundTask;
import org.vfioworkbench.ui.task.TaskExecutor;
import org.vfioworkbench.ui.task.TaskFailure;
import org.vfioworkbench.ui.task.TaskHandle;

/** On a big host the explanation is computed through the executor, and a stale one is dropped. */
class ExplainInTheBackgroundTest {

  /** Holds tasks until {@link #runAll()}, as a background thread would. */
  private static final class QueuedExecutor implements TaskExecutor {
    private final List<BackgroundTask<?>> queued = new ArrayList<>();
    private final TaskExecutor now = TaskExecutor.currentThread();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
      queued.add(task);
      return new TaskHandle() {
        @Override
        public void cancel() {}

        @Override
        public boolean isDone() {
          return !queued.contains(task);
        }

        @Override
        public Optional<Worker<?>> worker() {
          return Optional.empty();
        }
      };
    }

    void runAll() {
      while (!queued.isEmpty()) {
        now.execute(queued.remove(0));
      }
    }

    @Override
    public void runOnUi(Runnable action) {
      action.run();
    }

    @Override
    public void onFailure(Consumer<TaskFailure> listener) {}
  }

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

    assertThat(executor.queued).isEmpty();
    assertThat(vm.refreshes()).isEqualTo(runs);

    vm.setShown(true);

    assertThat(executor.queued).hasSize(1);
    assertThat(vm.busyProperty().get()).isTrue();
    assertThat(vm.reportProperty().get()).isSameAs(first);
    executor.runAll();
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.reportProperty().get().caller())
        .startsWith(fds.get(1).holder() + " fd " + fds.get(1).fd() + " ");
  }
}
