package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.QueuedExecutor;

/**
 * Expanding or collapsing a subtree lays the graph out at once when the last layout of the host was
 * quick, else in the background; a host's first layout is always made in the background, and a
 * layout asked for earlier never replaces one asked for later. The holders stay where the shown
 * graph has them until the tree grows past them or another host opens.
 */
class TopologyGraphViewModelLayoutTest {

  private QueuedExecutor executor;
  private WorkbenchState state;
  private TopologyGraphViewModel vm;

  @BeforeEach
  void openABigHost() {
    executor = new QueuedExecutor();
    state = new WorkbenchState(executor);
    state.open("large", BuiltInSamples.largeHost(1_000), null);
    executor.runAll();
    vm = new TopologyGraphViewModel(state);
    assertThat(vm.modelProperty().get()).as("the first layout waits for the background").isNull();
    executor.runAll();
    assertThat(vm.modelProperty().get()).isNotNull();
    assertThat(vm.expectedLayoutNanos(1)).as("a layout's time is known").isLessThan(Long.MAX_VALUE);
  }

  private Bdf aCollapsedBridge() {
    return vm.modelProperty().get().collapsedBridges().get(0);
  }

  @Test
  void anExpandIsLaidOutAtOnceWhenTheLastLayoutWasQuick() {
    vm.directLayoutUpTo(Long.MAX_VALUE / 4);
    Bdf bridge = aCollapsedBridge();
    GraphModel was = vm.modelProperty().get();
    vm.setCollapsed(bridge, false);
    assertThat(executor.queued()).as("no background task").isEmpty();
    GraphModel now = vm.modelProperty().get();
    assertThat(now).isNotSameAs(was);
    assertThat(now.function(bridge).orElseThrow().summary()).as("expanded").isEmpty();
    assertThat(now.functions().size()).isGreaterThan(was.functions().size());
    assertThat(vm.directLayouts()).isEqualTo(1);

    vm.setCollapsed(bridge, true);
    assertThat(executor.queued()).isEmpty();
    assertThat(vm.modelProperty().get()).as("collapsed again, drawn as before").isEqualTo(was);
  }

  @Test
  void anExpandWaitsForTheBackgroundWhenTheLastLayoutWasSlow() {
    vm.directLayoutUpTo(0);
    Bdf bridge = aCollapsedBridge();
    GraphModel was = vm.modelProperty().get();
    vm.setCollapsed(bridge, false);
    assertThat(vm.modelProperty().get()).as("not yet laid out").isSameAs(was);
    assertThat(executor.queued()).hasSize(1);
    executor.runAll();
    assertThat(vm.modelProperty().get().function(bridge).orElseThrow().summary()).isEmpty();
    assertThat(vm.directLayouts()).isZero();
  }

  @Test
  void anExpandThatDrawsManyMoreFunctionsThanTheLastLayoutGoesToTheBackground() {
    List<GraphModel.FunctionNode> bySize =
        vm.modelProperty().get().functions().stream()
            .filter(f -> f.summary().isPresent())
            .sorted(java.util.Comparator.comparingInt(f -> f.summary().get().functions()))
            .toList();
    GraphModel.FunctionNode small = bySize.get(0);
    GraphModel.FunctionNode big = bySize.get(bySize.size() - 1);
    int smallBelow = small.summary().get().functions();
    int bigBelow = big.summary().get().functions();
    assertThat(smallBelow).isLessThan(bigBelow);
    // The expected time of a layout grows with the functions it draws: a limit between the two.
    vm.directLayoutUpTo(limitFor((smallBelow + bigBelow) / 2.0));
    vm.setCollapsed(small.bdf(), false);
    assertThat(executor.queued()).as("a small expand is laid out at once").isEmpty();
    vm.directLayoutUpTo(limitFor(bigBelow - 0.5));
    vm.setCollapsed(big.bdf(), false);
    assertThat(executor.queued()).as("a bigger one waits for the background").hasSize(1);
    executor.runAll();
    assertThat(vm.modelProperty().get().function(big.bdf()).orElseThrow().summary()).isEmpty();
  }

  /** The time a layout is expected to take that draws {@code more} functions besides. */
  private long limitFor(double more) {
    int drawn = vm.modelProperty().get().functions().size();
    return vm.expectedLayoutNanos((int) Math.floor(drawn + more));
  }

  @Test
  void aLayoutAskedForEarlierNeverReplacesOneAskedForLater() {
    Bdf bridge = aCollapsedBridge();
    GraphModel was = vm.modelProperty().get();
    vm.directLayoutUpTo(0);
    vm.setCollapsed(bridge, false); // laid out in the background: still queued
    vm.directLayoutUpTo(Long.MAX_VALUE / 4);
    vm.setCollapsed(bridge, true); // laid out at once
    assertThat(vm.modelProperty().get()).isEqualTo(was);
    executor.runAll(); // the expand's layout finishes late
    assertThat(vm.modelProperty().get()).as("the later collapse stays shown").isEqualTo(was);
    assertThat(vm.isCollapsed(bridge)).isTrue();
  }

  @Test
  void theHoldersStayWhereASubtreeThatWasOpenedPushedThemUntilAnotherHostOpens() {
    vm.directLayoutUpTo(Long.MAX_VALUE / 4);
    GraphModel opened = vm.modelProperty().get();
    List<Bdf> bridges = opened.collapsedBridges();
    Bdf pusher = null;
    for (Bdf b : bridges) {
      vm.setCollapsed(b, false);
      if (vm.modelProperty().get().holdersX() > opened.holdersX()) {
        pusher = b;
        break;
      }
      vm.setCollapsed(b, true);
    }
    assertThat(pusher).as("a subtree that pushes the holders right").isNotNull();
    GraphModel open = vm.modelProperty().get();

    vm.setCollapsed(pusher, true);
    GraphModel closed = vm.modelProperty().get();
    assertThat(closed.functions()).as("the tree as it opened").isEqualTo(opened.functions());
    assertThat(closed.holdersX()).as("the holders stay").isEqualTo(open.holdersX());
    assertThat(closed.holders().get(0).box()).isEqualTo(open.holders().get(0).box());

    state.open("other", BuiltInSamples.largeHost(1_200), null);
    executor.runAll();
    executor.runAll();
    GraphModel other = vm.modelProperty().get();
    assertThat(other.functions().size()).isNotEqualTo(opened.functions().size());
    assertThat(other.holdersX())
        .as("another host's holders stand right of its tree")
        .isEqualTo(
            other.buses().stream().mapToDouble(b -> b.box().right()).max().orElseThrow()
                + GraphLayout.GAP);
  }
}
