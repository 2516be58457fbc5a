package org.vfioworkbench.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The executor tests and view models use: everything at once, failures still reported. */
class CurrentThreadTaskExecutorTest {

  private final TaskExecutor executor = TaskExecutor.currentThread();
  private final List<String> events = new ArrayList<>();

  @Test
  void successRunsTheHandlersInOrderBeforeExecuteReturns() {
    TaskHandle h =
        executor.execute(
            BackgroundTask.of("Sum", p -> 1 + 2)
                .onSuccess(v -> events.add("success " + v))
                .onFinished(() -> events.add("finished")));
    assertThat(h.isDone()).isTrue();
    assertThat(h.worker()).isEmpty();
    assertThat(events).containsExactly("success 3", "finished");
  }

  @Test
  void aFailureIsReportedToTheListenersNeverDropped() {
    executor.onFailure(f -> events.add(f.message()));
    executor.execute(
        BackgroundTask.of(
                "Layout",
                p -> {
                  throw new IllegalArgumentException();
                })
            .onFinished(() -> events.add("finished")));
    assertThat(events).containsExactly("finished", "Layout failed: IllegalArgumentException");
  }

  @Test
  void workThatSeesItselfCancelledEndsAsCancelled() {
    BackgroundTask<String> task =
        BackgroundTask.of(
            "Scan",
            p -> {
              p.onCancel(() -> events.add("hook"));
              ((BackgroundTask<?>) p).cancel();
              return p.isCancelled() ? "partial" : "all";
            });
    executor.execute(
        task.onSuccess(v -> events.add("success " + v)).onCancelled(() -> events.add("cancelled")));
    assertThat(events).containsExactly("hook", "cancelled");
  }
}
