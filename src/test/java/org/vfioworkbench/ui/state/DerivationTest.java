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
  void aRequestCancelsOneNotYetRunAndOnlyTheNewestStarts() {
    Derivation d = state.derivation("Listing");
    d.request(named("first"), applied::add);
    d.request(named("second"), applied::add);
    d.request(named("third"), applied::add);

    // each was dropped before a thread took it up, and the next started at once
    assertThat(executor.queued()).hasSize(1);
    assertThat(d.started()).isEqualTo(3);

    executor.runAll();

    assertThat(computed).containsExactly("third");
    assertThat(applied).containsExactly("third");
    assertThat(d.isRunning()).isFalse();
  }

  @Test
  void aRequestMadeWhileOneRunsCancelsItAndWaitsUntilItReturns() {
    Derivation d = state.derivation("Listing");
    List<Boolean> sawCancel = new ArrayList<>();
    d.request(
        (r, progress) -> {
          computed.add("running");
          // the user acts while this runs
          d.request(named("newer"), applied::add);
          d.request(named("newest"), applied::add);
          assertThat(executor.queued()).as("nothing starts beside a running one").isEmpty();
          sawCancel.add(progress.isCancelled());
          if (progress.isCancelled()) {
            throw new CancellationException("newer asked for");
          }
          return "stale";
        },
        applied::add);

    executor.runAll();

    assertThat(sawCancel).containsExactly(true);
    assertThat(computed).containsExactly("running", "newest");
    assertThat(applied).containsExactly("newest");
    assertThat(d.started()).isEqualTo(2);
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
  void aWaitingRequestStartsOnTheResultsCurrentWhenItStarts() {
    Derivation d = state.derivation("Listing");
    List<Integer> sizes = new ArrayList<>();
    d.request(
        (r, progress) -> {
          d.request(
              (r2, p2) -> {
                sizes.add(r2.analysis().topology().functions().size());
                return "sized";
              },
              applied::add);
          // and the host changes while the first still runs
          state.open("large", BuiltInSamples.largeHost(40), null);
          return "first";
        },
        applied::add);
    executor.runAll();

    assertThat(sizes).containsExactly(state.results().analysis().topology().functions().size());
    assertThat(sizes.get(0)).isGreaterThan(3);
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
