package org.vfioworkbench.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.task.QueuedExecutor;

/** A view's derived content: one computation at a time, the newest request winning. */
class DerivationTest {

  private final QueuedExecutor executor = new QueuedExecutor();
  private final WorkbenchState state = new WorkbenchState(executor);
  private final List<String> applied = new ArrayList<>();
  private final List<String> computed = new ArrayList<>();

  DerivationTest() {
    state.open("seed", BuiltInSamples.seedCase(), null);
    executor.runAll();
  }

  private Derivation.Compute<String> named(String name) {
    return (r, progress) -> {
      computed.add(name);
      return name;
    };
  }

  @Test
  void requestsMadeWhileOneRunsCancelItAndOnlyTheNewestStartsAfterIt() {
    Derivation d = state.derivation("Listing");
    d.request(named("first"), applied::add);
    d.request(named("second"), applied::add);
    d.request(named("third"), applied::add);

    assertThat(executor.queued()).hasSize(1);
    assertThat(executor.queued().get(0).isCancelled()).isTrue();
    assertThat(d.started()).isEqualTo(1);
    assertThat(d.isRunning()).isTrue();

    executor.runAll();

    assertThat(computed).containsExactly("first", "third");
    assertThat(applied).containsExactly("third");
    assertThat(d.started()).isEqualTo(2);
    assertThat(d.isRunning()).isFalse();
  }

  @Test
  void workThatPollsTheCancelFlagStopsAndItsValueIsNeverApplied() {
    Derivation d = state.derivation("Listing");
    List<Boolean> sawCancel = new ArrayList<>();
    d.request(
        (r, progress) -> {
          sawCancel.add(progress.isCancelled());
          if (progress.isCancelled()) {
            throw new CancellationException("newer asked for");
          }
          return "stale";
        },
        applied::add);
    d.request(named("fresh"), applied::add);

    executor.runAll();

    assertThat(sawCancel).containsExactly(true);
    assertThat(applied).containsExactly("fresh");
  }

  @Test
  void aValueComputedForResultsThatWereReplacedMeanwhileIsDropped() {
    Derivation d = state.derivation("Listing");
    d.request(named("for the seed"), applied::add);
    state.open("large", BuiltInSamples.largeHost(40), null);
    executor.runAll();

    assertThat(computed).containsExactly("for the seed");
    assertThat(applied).isEmpty();
  }

  @Test
  void eachRequestStartsOnTheResultsCurrentWhenItStarts() {
    Derivation d = state.derivation("Listing");
    List<Integer> sizes = new ArrayList<>();
    d.request(named("first"), applied::add);
    d.request(
        (r, progress) -> {
          sizes.add(r.analysis().topology().functions().size());
          return "sized";
        },
        applied::add);
    state.open("large", BuiltInSamples.largeHost(40), null);
    // the analysis of a small host is synchronous; a big one is queued like the derivations
    executor.runAll();

    assertThat(sizes).containsExactly(state.results().analysis().topology().functions().size());
    assertThat(applied).containsExactly("sized");
  }

  @Test
  void aFailureEndsTheComputationAndTheNextRequestRuns() {
    Derivation d = state.derivation("Listing");
    d.<String>request(
        (r, progress) -> {
          throw new IllegalStateException("broken");
        },
        applied::add);
    executor.runAll();
    assertThat(d.isRunning()).isFalse();

    d.request(named("after"), applied::add);
    executor.runAll();
    assertThat(applied).containsExactly("after");
  }
}
