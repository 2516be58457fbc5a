package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * {@link Analysis#after} replays only what an edit changed; these chains of random edits on
 * generated hosts check that it answers exactly as an analysis built from nothing does, after every
 * step: device states, group opens, iommufd bindings, INFO and the natural reset (with their
 * traces) on every device fd, and the fds {@link AffectedFds} names, against a walk over every fd.
 */
class IncrementalAnalysisTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 60);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aChainOfEditsAnswersAsAnalysesFromNothing(long seed) {
    Random rnd = new Random(seed);
    Analysis a = chainStart(seed);
    History history = new History(a, seed);
    int applied = 0;
    int returned = 0;
    for (int step = 0; step < 25; step++) {
      Optional<Step> next = history.next(rnd, step);
      if (next.isEmpty()) {
        continue;
      }
      if (next.get().edit().isPresent()) {
        applied++;
      } else {
        returned++;
      }
      a = Analysis.after(a, next.get().topology(), Profile.DEFAULT);
      history.reached(a.topology());
      assertSameAnswers(
          a, Analysis.of(a.topology()), "seed " + seed + " after " + next.get().what());
      for (Bdf b : next.get().edit().map(IncrementalAnalysisTest::touchedBy).orElse(List.of())) {
        assertThat(AffectedFds.of(a, b))
            .as("seed %d, affected by %s after %s", seed, b, next.get().what())
            .containsExactlyElementsOf(affectedByWalkingEveryFd(a, b));
      }
    }
    assertThat(applied).as("edits the kernel allowed").isPositive();
    assertThat(returned).as("returns to an earlier topology (undo)").isPositive();
  }

  /** The analysed host a chain of {@code seed} starts from: every third a 300-function one. */
  static Analysis chainStart(long seed) {
    SyntheticHost.Spec spec =
        seed % 3 == 0
            ? new SyntheticHost.Spec(seed, 300, 0.5, 8, 0.05)
            : SyntheticHost.Spec.small(seed);
    return Analysis.of(SyntheticHost.generate(spec));
  }

  /** One step of a chain: an edit the kernel allowed, or a return to an earlier topology. */
  record Step(Optional<Edit> edit, Topology topology, String what) {}

  /**
   * The topologies a chain has reached, the loaded one first. A step is usually a random edit of
   * the current topology and sometimes, as undo and redo do, a return to one reached before: to the
   * loaded topology, whose devids no edit has written down yet, that changes every holder with a
   * bound cdev back.
   */
  static final class History {
    private final List<Topology> reached = new ArrayList<>();
    private final Random returns;
    private Topology current;

    History(Analysis loaded, long seed) {
      current = loaded.topology();
      reached.add(current);
      returns = new Random(seed * 31 + 7);
    }

    Optional<Step> next(Random rnd, int step) {
      if (reached.size() > 1 && returns.nextInt(4) == 0) {
        int i = returns.nextInt(reached.size());
        return Optional.of(
            new Step(Optional.empty(), reached.get(i), "a return to topology " + i + " (undo)"));
      }
      Optional<Edit> edit = randomEdit(current, rnd, step);
      if (edit.isEmpty()) {
        return Optional.empty();
      }
      Attempt done = edit.get().apply(current, Profile.DEFAULT);
      if (!done.succeeded()) {
        return Optional.empty();
      }
      return Optional.of(new Step(edit, done.orElseThrow(), edit.get().toString()));
    }

    void reached(Topology t) {
      current = t;
      if (!reached.contains(t)) {
        reached.add(t);
      }
    }
  }

  private static List<Bdf> touchedBy(Edit e) {
    if (e instanceof Edit.Release r) {
      return List.of(r.device());
    }
    if (e instanceof Edit.MoveToCdev m) {
      return List.of(m.device());
    }
    if (e instanceof Edit.MoveToGroup m) {
      return List.of(m.device());
    }
    return List.of();
  }

  static Optional<Edit> randomEdit(Topology t, Random rnd, int step) {
    List<PciFunction> vfio =
        t.functions().stream().filter(f -> f.driver().isVfio() && !f.isBridge()).toList();
    List<Holder> holders = t.holders();
    if (vfio.isEmpty()) {
      return Optional.empty();
    }
    Bdf device = vfio.get(rnd.nextInt(vfio.size())).bdf();
    String holder = holders.isEmpty() ? "" : holders.get(rnd.nextInt(holders.size())).name();
    switch (rnd.nextInt(9)) {
      case 0, 1:
        return Optional.of(new Edit.Release(device));
      case 2, 3:
        return holders.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Edit.Sequence(
                    "move",
                    List.of(new Edit.Release(device), new Edit.MoveToCdev(holder, device))));
      case 4, 5:
        return holders.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Edit.Sequence(
                    "move",
                    List.of(new Edit.Release(device), new Edit.MoveToGroup(holder, device))));
      case 6:
        {
          if (holders.isEmpty()) {
            return Optional.empty();
          }
          List<OpenFile> files = t.holder(holder).orElseThrow().files();
          return files.isEmpty()
              ? Optional.empty()
              : Optional.of(new Edit.Close(holder, files.get(rnd.nextInt(files.size())).fd()));
        }
      case 7:
        return rnd.nextBoolean() || holders.isEmpty()
            ? Optional.of(new Edit.AddHolder("added-" + step))
            : Optional.of(new Edit.RemoveHolder(holder));
      default:
        return Optional.of(new Edit.SetDriver(device, Driver.NONE));
    }
  }

  static void assertSameAnswers(Analysis incremental, Analysis fresh, String where) {
    assertThat(incremental.devices()).as("%s: devices", where).isEqualTo(fresh.devices());
    Topology t = fresh.topology();
    for (IommuGroup g : t.groups()) {
      assertThat(incremental.groupOpen(g.id()))
          .as("%s: group %d open", where, g.id())
          .isEqualTo(fresh.groupOpen(g.id()));
      for (IommufdContext x : t.iommufds()) {
        assertThat(incremental.iommufdHasGroup(x.id(), g.id()))
            .as("%s: iommufd %s has group %d", where, x.id(), g.id())
            .isEqualTo(fresh.iommufdHasGroup(x.id(), g.id()));
      }
    }
    assertThat(incremental.deviceFds()).as("%s: device fds", where).isEqualTo(fresh.deviceFds());
    for (FdRef fd : fresh.deviceFds()) {
      assertThat(incremental.verdict(fd))
          .as("%s: verdict on %s (carried over where the edit cannot reach)", where, fd)
          .isEqualTo(fresh.verdict(fd));
      assertThat(incremental.info(fd)).as("%s: INFO on %s", where, fd).isEqualTo(fresh.info(fd));
      ResetVariant natural = fresh.naturalReset(fd);
      assertThat(incremental.naturalReset(fd)).isEqualTo(natural);
      assertThat(incremental.hotReset(fd, natural.request()))
          .as("%s: HOT_RESET on %s", where, fd)
          .isEqualTo(fresh.hotReset(fd, natural.request()));
    }
  }

  /**
   * The definition: every device fd whose caller is {@code bdf} or whose scope holds a touched one.
   */
  static List<FdRef> affectedByWalkingEveryFd(HotResetSimulator sim, Bdf bdf) {
    List<Bdf> touched = new ArrayList<>();
    touched.add(bdf);
    sim.pci().groupOf(bdf).ifPresent(g -> touched.addAll(sim.pci().groupMembers(g)));
    List<FdRef> out = new ArrayList<>();
    for (FdRef fd : sim.deviceFds()) {
      Bdf caller = sim.topology().file(fd).flatMap(OpenFile::openedDevice).orElseThrow();
      boolean hit =
          caller.equals(bdf)
              || sim.scope(caller)
                  .scope()
                  .map(s -> s.functions().stream().anyMatch(touched::contains))
                  .orElse(false);
      if (hit) {
        out.add(fd);
      }
    }
    return out;
  }
}
