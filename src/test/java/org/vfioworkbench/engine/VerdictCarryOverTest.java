package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;

/**
 * {@link Analysis#verdict}: an analysis derived by an edit works out the verdicts of the fds the
 * edit reached and takes the others over from the analysis before it (that they equal fresh ones is
 * {@link IncrementalAnalysisTest}'s check along random chains).
 */
class VerdictCarryOverTest {

  @AfterEach
  void stopCounting() {
    EngineCounters.stop();
  }

  private static long workedOut(Analysis a) {
    EngineCounters.start();
    a.deviceFds().forEach(a::verdict);
    return EngineCounters.stop().getOrDefault(EngineCounters.Event.VERDICT_WORKED_OUT, 0L);
  }

  @Test
  void afterOneEditOnlyTheFdsItReachedAreWorkedOut() {
    Topology loaded = SyntheticHost.generate(new SyntheticHost.Spec(7, 2_000, 0.4, 40, 0.01));
    Analysis a = Analysis.of(loaded);
    int fds = a.deviceFds().size();
    assertThat(workedOut(a)).isEqualTo(fds);

    // the loaded file's first edit (it writes down every devid), then a second one
    Analysis first = Releases.released(a, fds / 2);
    long firstWorkedOut = workedOut(first);
    Analysis second = Releases.released(first, fds / 3);
    long secondWorkedOut = workedOut(second);

    for (long n : List.of(firstWorkedOut, secondWorkedOut)) {
      assertThat(n).isPositive().isLessThan(fds / 10);
    }
    for (FdRef fd : second.deviceFds()) {
      assertThat(second.verdict(fd)).isEqualTo(Analysis.of(second.topology()).verdict(fd));
    }
  }

  @Test
  void anAnalysisWhoseVerdictsNobodyAskedHandsNoneOn() {
    Analysis a = Analysis.of(SyntheticHost.generate(SyntheticHost.Spec.small(3)));
    Analysis b = Releases.released(a, 0);

    assertThat(workedOut(b)).isEqualTo(b.deviceFds().size());
  }
}
