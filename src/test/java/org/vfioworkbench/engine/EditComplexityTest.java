package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;

/**
 * The work an ownership change costs does not grow with the host: the same edit on the same small
 * corner (a two-function card on its own segment, two holders) of a 1,000-, a 10,000- and a
 * 50,000-function generated host checks the same files against the open rules, looks through the
 * same holders, replays the same files, compares the same holders, looks at the same candidate
 * callers and re-evaluates the same fds. Counted, not timed. The hosts start with their devids
 * pinned, as every edited state is (the first edit of a loaded file pins them all). With the open
 * rules replayed over every file, as before they were checked through the indexes, the edits of
 * {@link #theEditItselfCostsTheSameOnA1kA10kAndA50kHost} check 459 files at 1k and 5,931 at 10k;
 * now 11 at every size.
 */
class EditComplexityTest {

  private static final Bdf FN0 = Bdf.parse("00ff:02:00.0");
  private static final Bdf FN1 = Bdf.parse("00ff:02:00.1");

  @AfterEach
  void stopCounting() {
    EngineCounters.stop();
  }

  @Test
  void anOwnershipChangeCostsTheSameOnA1kAndA10kHost() {
    Map<EngineCounters.Event, Long> small = countOneMove(1_000);
    Map<EngineCounters.Event, Long> large = countOneMove(10_000);

    assertThat(small.get(EngineCounters.Event.FILE_REPLAYED)).isPositive();
    assertThat(small.get(EngineCounters.Event.FD_CONSIDERED)).isPositive();
    assertThat(large).isEqualTo(small);
  }

  /**
   * The edit itself, the drags' kinds: release fn0 from the legacy holder, move it to the other
   * holder's cdev lane (the rules check each open), move it back to a group lane there, close the
   * cdev lane's iommufd; then re-analyse and re-evaluate. Every count (files checked against the
   * open rules, holders looked through, holder lists compared, files replayed, fds considered) is
   * the same on a 1,000-, a 10,000- and a 50,000-function host.
   */
  @Test
  void theEditItselfCostsTheSameOnA1kA10kAndA50kHost() {
    Map<EngineCounters.Event, Long> small = countEdits(1_000);
    Map<EngineCounters.Event, Long> medium = countEdits(10_000);
    Map<EngineCounters.Event, Long> large = countEdits(50_000);

    assertThat(small.get(EngineCounters.Event.OPEN_CHECKED)).isPositive();
    assertThat(small.get(EngineCounters.Event.HOLDER_VISITED)).isPositive();
    assertThat(medium).isEqualTo(small);
    assertThat(large).isEqualTo(small);
  }

  /** The edits of {@link #theEditItselfCostsTheSameOnA1kA10kAndA50kHost}, counted. */
  private static Map<EngineCounters.Event, Long> countEdits(int functions) {
    Topology host = KernelCalls.pinDevids(withCorner(SyntheticHost.generate(spec(functions))));
    // The first question of a loaded host looks at every holder once; the answer is remembered.
    assertThat(KernelCalls.pinDevids(host)).isSameAs(host);
    Analysis before = Analysis.of(host);
    EngineCounters.start();
    Topology released = KernelCalls.release(host, FN0).orElseThrow();
    Topology inCdev =
        KernelCalls.moveToCdev(released, Profile.DEFAULT, "probe-b", FN0).orElseThrow();
    Topology inGroup =
        KernelCalls.moveToGroup(
                KernelCalls.release(inCdev, FN0).orElseThrow(), Profile.DEFAULT, "probe-b", FN0)
            .orElseThrow();
    Topology closed = KernelCalls.close(inGroup, "probe-b", 3).orElseThrow();
    Analysis after = Analysis.after(before, closed, Profile.DEFAULT);
    List<FdRef> affected = AffectedFds.of(after, FN0);
    for (FdRef fd : affected) {
      after.info(fd);
      after.hotReset(fd, after.naturalReset(fd).request());
    }
    Map<EngineCounters.Event, Long> counts = EngineCounters.stop();
    Analysis fresh = Analysis.of(closed);
    assertThat(after.devices()).isEqualTo(fresh.devices());
    assertThat(affected).isNotEmpty();
    for (FdRef fd : affected) {
      assertThat(after.info(fd)).isEqualTo(fresh.info(fd));
      assertThat(after.hotReset(fd, after.naturalReset(fd).request()))
          .isEqualTo(fresh.hotReset(fd, fresh.naturalReset(fd).request()));
    }
    assertThat(closed.holder("probe-b").orElseThrow().files())
        .as("%d functions: probe-b's files", functions)
        .extracting(f -> f.getClass().getSimpleName())
        .containsExactly("ContainerFile", "GroupFile", "DeviceFile");
    return counts;
  }

  @Test
  void anAnalysisFromNothingReplaysEveryFileSoTheCountsCanTellTheDifference() {
    Topology t = withCorner(SyntheticHost.generate(spec(1_000)));
    int files = t.holders().stream().mapToInt(h -> h.files().size()).sum();
    EngineCounters.start();
    Analysis.of(t);
    assertThat(EngineCounters.stop().get(EngineCounters.Event.FILE_REPLAYED))
        .isEqualTo((long) files);
  }

  /** Moves the corner's fn0 from the legacy holder to the other holder's cdev lane, counted. */
  private static Map<EngineCounters.Event, Long> countOneMove(int functions) {
    Topology host = KernelCalls.pinDevids(withCorner(SyntheticHost.generate(spec(functions))));
    Analysis before = Analysis.of(host);
    Topology moved =
        KernelCalls.moveToCdev(
                KernelCalls.release(host, FN0).orElseThrow(), Profile.DEFAULT, "probe-b", FN0)
            .orElseThrow();
    EngineCounters.start();
    Analysis after = Analysis.after(before, moved, Profile.DEFAULT);
    List<FdRef> affected = AffectedFds.of(after, FN0);
    for (FdRef fd : affected) {
      after.info(fd);
      after.hotReset(fd, after.naturalReset(fd).request());
    }
    Map<EngineCounters.Event, Long> counts = EngineCounters.stop();
    assertThat(affected).containsExactly(new FdRef("probe-a", 5), new FdRef("probe-b", 4));
    IncrementalAnalysisTest.assertSameAnswers(after, Analysis.of(moved), functions + " functions");
    return counts;
  }

  private static SyntheticHost.Spec spec(int functions) {
    return new SyntheticHost.Spec(7, functions, 0.4, functions / 50, 0.01);
  }

  /**
   * {@code host} plus a root port on segment 00ff with a two-function vfio card and two holders.
   */
  private static Topology withCorner(Topology host) {
    Topology corner =
        new TopologyBuilder()
            .rootBus("00ff:00")
            .function("00ff:00:1c.0", f -> f.bridge().group(900_001))
            .bus("00ff:02", "00ff:00:1c.0")
            .function(FN0.toString(), f -> f.vfio().group(900_002))
            .function(FN1.toString(), f -> f.vfio().group(900_003))
            .holder(
                "probe-a",
                h ->
                    h.container(3, "probe-c")
                        .group(4, 900_003, "probe-c")
                        .device(5, FN1.toString())
                        .group(6, 900_002, "probe-c")
                        .device(7, FN0.toString()))
            .holder("probe-b", h -> h.iommufd(3, "probe-x"))
            .build();
    return host.withBuses(plus(host.buses(), corner.buses()))
        .withFunctions(plus(host.functions(), corner.functions()))
        .withGroups(plus(host.groups(), corner.groups()))
        .withContainers(plus(host.containers(), corner.containers()))
        .withIommufds(plus(host.iommufds(), corner.iommufds()))
        .withHolders(plus(host.holders(), corner.holders()));
  }

  private static <T> List<T> plus(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
