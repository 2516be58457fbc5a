package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * Properties over generated hosts (seeded, so a failure names a seed that reproduces it): the
 * generator only builds states the kernel can reach; the engine never throws; for a cdev caller the
 * zero-length reset passes exactly when INFO sets DEV_ID_OWNED (reference §4.9); INFO lists the
 * reset scope; declaration order does not matter.
 */
class GeneratedHostsTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 150);
  }

  private static Topology host(long seed) {
    return SyntheticHost.generate(SyntheticHost.Spec.small(seed));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedStatesAreReachable(long seed) {
    assertThat(KernelCalls.validate(host(seed), Profile.DEFAULT)).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyCallOnEveryFdUnderEveryProfileAnswersWithoutThrowing(long seed) {
    Topology t = host(seed);
    for (Profile p : Profile.values()) {
      Analysis a = Analysis.of(t, p);
      for (FdRef fd : a.deviceFds()) {
        for (long argsz : new long[] {0, 11, 12, 20, 28, Analysis.LARGE_ARGSZ}) {
          assertThat(a.info(fd, argsz).trace()).isNotEmpty();
        }
        for (ResetVariant v : a.variants(fd)) {
          ResetResult r = a.evaluate(fd, v);
          assertThat(r.trace()).isNotEmpty();
          assertThat(r.succeeded()).isEqualTo(!r.reset().isEmpty());
        }
        assertThat(a.hotReset(fd, ResetRequest.of(List.of(-1, 999))).errno()).isPresent();
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theEmptyArrayResetPassesExactlyWhenInfoReportsDevIdOwned(long seed) {
    Topology t = host(seed);
    Analysis a = Analysis.of(t);
    for (FdRef fd : a.deviceFds()) {
      if (!(t.file(fd).orElseThrow() instanceof CdevFile)) {
        continue;
      }
      InfoResult info = a.info(fd);
      ResetResult reset = a.hotReset(fd, ResetRequest.empty());
      if (info.errno().isPresent()) {
        assertThat(reset.errno()).as("%s", fd).isEqualTo(info.errno());
        continue;
      }
      assertThat(info.hasFlag(InfoFlag.DEV_ID)).isTrue();
      assertThat(reset.succeeded())
          .as("seed %d %s: %s", seed, fd, reset.trace())
          .isEqualTo(info.hasFlag(InfoFlag.DEV_ID_OWNED));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void infoListsExactlyTheResetScope(long seed) {
    Analysis a = Analysis.of(host(seed));
    for (FdRef fd : a.deviceFds()) {
      InfoResult info = a.info(fd);
      if (!info.succeeded()) {
        continue;
      }
      Bdf caller = a.topology().file(fd).flatMap(OpenFile::openedDevice).orElseThrow();
      List<Bdf> listed = info.entries().stream().map(InfoEntry::bdf).toList();
      assertThat(listed).isEqualTo(a.scope(caller).scope().orElseThrow().functions());
      assertThat(listed).contains(caller);
      assertThat(info.count()).isEqualTo(listed.size());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resultsDoNotDependOnDeclarationOrder(long seed) {
    Topology t = host(seed);
    Random rnd = new Random(seed);
    Topology shuffled =
        t.withFunctions(shuffle(t.functions(), rnd))
            .withBuses(shuffle(t.buses(), rnd))
            .withSlots(shuffle(t.slots(), rnd))
            .withGroups(shuffle(t.groups(), rnd));
    assertThat(outcomes(Analysis.of(shuffled))).isEqualTo(outcomes(Analysis.of(t)));
  }

  private static List<String> outcomes(Analysis a) {
    List<String> out = new ArrayList<>();
    for (FdRef fd : a.deviceFds()) {
      InfoResult info = a.info(fd);
      out.add(fd + " info " + info.retLabel() + " " + info.flags() + " " + info.entries());
      for (ResetVariant v : a.variants(fd)) {
        ResetResult r = a.evaluate(fd, v);
        out.add(fd + " " + v.kind() + " " + r.retLabel() + " " + r.reset());
      }
    }
    return out;
  }

  private static <T> List<T> shuffle(List<T> list, Random rnd) {
    List<T> copy = new ArrayList<>(list);
    Collections.shuffle(copy, rnd);
    return copy;
  }
}
