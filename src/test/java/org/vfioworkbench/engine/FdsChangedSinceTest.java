package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vfioworkbench.engine.report.QemuText;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;

/**
 * {@link Analysis#fdsChangedSince}: along random chains of edits, every device fd it leaves out
 * answers exactly as before the edit (INFO, the variants, each variant's result with its trace,
 * what QEMU would print).
 */
class FdsChangedSinceTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyFdLeftOutAnswersAsBeforeTheEdit(long seed) {
    Random rnd = new Random(seed);
    Analysis a = IncrementalAnalysisTest.chainStart(seed);
    IncrementalAnalysisTest.History history = new IncrementalAnalysisTest.History(a, seed);
    int told = 0;
    for (int step = 0; step < 25; step++) {
      Optional<IncrementalAnalysisTest.Step> next = history.next(rnd, step);
      if (next.isEmpty()) {
        continue;
      }
      Analysis before = a;
      a = Analysis.after(before, next.get().topology(), Profile.DEFAULT);
      history.reached(a.topology());
      Optional<Set<FdRef>> changed = a.fdsChangedSince(before);
      if (changed.isEmpty()) {
        continue;
      }
      told++;
      for (FdRef fd : a.deviceFds()) {
        if (changed.get().contains(fd)) {
          continue;
        }
        String where = "seed " + seed + ", " + fd + " after " + next.get().what();
        assertThat(before.deviceFds()).as(where).contains(fd);
        assertThat(a.info(fd)).as("%s: INFO", where).isEqualTo(before.info(fd));
        assertThat(a.variants(fd)).as("%s: variants", where).isEqualTo(before.variants(fd));
        assertThat(QemuText.lines(a, fd))
            .as("%s: what QEMU prints", where)
            .isEqualTo(QemuText.lines(before, fd));
        for (ResetVariant v : a.variants(fd)) {
          assertThat(a.evaluate(fd, v))
              .as("%s: %s", where, v.description())
              .isEqualTo(before.evaluate(fd, v));
        }
      }
    }
    assertThat(told).as("edits whose changed fds were told").isPositive();
  }

  @Test
  void oneOwnershipChangeOnABigHostNamesFewFds() {
    Analysis a =
        Analysis.of(SyntheticHost.generate(new SyntheticHost.Spec(7, 2_000, 0.4, 40, 0.01)));
    a = Releases.released(a, 0);
    Analysis next = Releases.released(a, a.deviceFds().size() / 2);

    Set<FdRef> changed = next.fdsChangedSince(a).orElseThrow();

    assertThat(changed).isNotEmpty().hasSizeLessThan(a.deviceFds().size() / 10);
  }

  @Test
  void theFirstEditOfALoadedFileAndItsUndoNameFewFdsThoughTheyWriteDownEveryDevid() {
    Topology loaded = SyntheticHost.generate(new SyntheticHost.Spec(7, 2_000, 0.4, 40, 0.01));
    Analysis a = Analysis.of(loaded);
    assertThat(KernelCalls.pinDevids(loaded).holders())
        .as("the loaded file leaves devids to the kernel, so an edit writes many of them down")
        .filteredOn(h -> !loaded.holders().contains(h))
        .hasSizeGreaterThan(10);

    Analysis edited = Releases.released(a, a.deviceFds().size() / 2);
    Analysis undone = Analysis.after(edited, loaded, Profile.DEFAULT);
    Analysis redone = Analysis.after(undone, edited.topology(), Profile.DEFAULT);

    for (Analysis[] step : new Analysis[][] {{a, edited}, {edited, undone}, {undone, redone}}) {
      assertThat(step[1].fdsChangedSince(step[0]).orElseThrow())
          .isNotEmpty()
          .hasSizeLessThan(a.deviceFds().size() / 10);
    }
    IncrementalAnalysisTest.assertSameAnswers(undone, Analysis.of(loaded), "undone");
    IncrementalAnalysisTest.assertSameAnswers(redone, Analysis.of(edited.topology()), "redone");
  }

  @Test
  void nothingCanBeToldAgainstAnAnalysisThisOneWasNotDerivedFrom() {
    Topology t = SyntheticHost.generate(SyntheticHost.Spec.small(5));
    Analysis first = Analysis.of(t);
    Analysis other = Analysis.of(t);
    assertThat(first.fdsChangedSince(other)).isEmpty();
    assertThat(Analysis.after(first, t, Profile.LINUX_5_15).fdsChangedSince(first)).isEmpty();
  }
}
