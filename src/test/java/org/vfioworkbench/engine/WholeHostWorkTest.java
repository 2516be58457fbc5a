package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;

/**
 * The whole-host question (analyse a host from nothing, then INFO and the natural HOT_RESET on
 * every device fd) does its work once per file and per function, and leaves nothing of a host
 * nobody uses alive: counted and weighed, not timed.
 *
 * <p>The regression this guards against: the engine's caches of recent PCI analyses and VFIO states
 * kept every whole-host analysis strongly reachable for several more analyses, so on a host of
 * 10,000 functions each one survived young collections and was promoted, the heap grew by gigabytes
 * and the benchmark's iterations swung between 21 and 118 ms.
 */
class WholeHostWorkTest {

  @AfterEach
  void stopCounting() {
    EngineCounters.stop();
  }

  @Test
  void everyFileIsReplayedOnceAndNoFdWalksTheHoldersAt1kAnd10k() {
    for (int functions : new int[] {1_000, 10_000}) {
      Topology host = KernelCalls.pinDevids(SyntheticHost.generate(spec(functions)));
      Topology fresh = host.withFunctions(List.copyOf(host.functions()));
      int files = host.holders().stream().mapToInt(h -> h.files().size()).sum();

      EngineCounters.start();
      Analysis a = Analysis.of(fresh);
      List<FdRef> fds = a.deviceFds();
      for (FdRef fd : fds) {
        a.info(fd);
        a.hotReset(fd, a.naturalReset(fd).request());
      }
      Map<EngineCounters.Event, Long> counts = EngineCounters.stop();

      assertThat(fds)
          .as("%d functions: device fds", functions)
          .hasSizeGreaterThanOrEqualTo(functions / 20);
      assertThat(counts.get(EngineCounters.Event.FILE_REPLAYED))
          .as("%d functions: files replayed (each once)", functions)
          .isEqualTo((long) files);
      for (EngineCounters.Event e :
          List.of(
              EngineCounters.Event.HOLDER_VISITED,
              EngineCounters.Event.HOLDER_DIFFED,
              EngineCounters.Event.OPEN_CHECKED,
              EngineCounters.Event.FD_CONSIDERED,
              EngineCounters.Event.CALLER_CANDIDATE)) {
        assertThat(counts.get(e)).as("%d functions: %s", functions, e).isZero();
      }
    }
  }

  /**
   * What the whole-host question allocates grows with the host, not with the host times its fds:
   * per function, the 10k host allocates less than twice what the 1k host does (about 1.4 × here:
   * the 10k host has bigger groups and dev-sets), each measured after the same warm-up.
   */
  @Test
  void allocationPerFunctionDoesNotGrowWithTheHost() {
    double small = bytesPerFunction(1_000);
    double large = bytesPerFunction(10_000);
    assertThat(small).isPositive();
    assertThat(large).as("bytes per function at 10k vs %.0f at 1k", small).isLessThan(2 * small);
  }

  /**
   * Once nothing holds a whole-host analysis any more, the engine's caches do not keep it alive:
   * after the next host is analysed, the first one's PCI analysis and VFIO state can be collected.
   */
  @Test
  void anAnalysisNobodyHoldsIsNotKeptAliveByTheCaches() throws InterruptedException {
    Topology host = SyntheticHost.generate(spec(1_000));
    WeakReference<Object> first = new WeakReference<>(analyseAndDrop(host));
    // The next analyses are of other PCI parts: the first is no longer the most recent.
    Analysis next = Analysis.of(host.withFunctions(List.copyOf(host.functions())));
    Analysis another = Analysis.of(host.withFunctions(List.copyOf(host.functions())));
    for (int i = 0; i < 50 && first.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(first.get()).as("the dropped analysis's PCI part").isNull();
    assertThat(next.devices()).isEqualTo(another.devices());
  }

  /** Analyses a copy of {@code host} and returns what the engine's caches could hold of it. */
  private static Object analyseAndDrop(Topology host) {
    Analysis a = Analysis.of(host.withFunctions(List.copyOf(host.functions())));
    a.deviceFds().forEach(a::info);
    return a.pci();
  }

  private static double bytesPerFunction(int functions) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Topology host = KernelCalls.pinDevids(SyntheticHost.generate(spec(functions)));
    long bytes = 0;
    for (int round = 0; round < 3; round++) {
      Topology fresh = host.withFunctions(List.copyOf(host.functions()));
      long before = mx.getCurrentThreadAllocatedBytes();
      Analysis a = Analysis.of(fresh);
      for (FdRef fd : a.deviceFds()) {
        a.info(fd);
        a.hotReset(fd, a.naturalReset(fd).request());
      }
      bytes = mx.getCurrentThreadAllocatedBytes() - before;
    }
    return (double) bytes / host.functions().size();
  }

  private static SyntheticHost.Spec spec(int functions) {
    return new SyntheticHost.Spec(7, functions, 0.4, functions / 50, 0.01);
  }
}
