package org.vfioworkbench.ui.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.Releases;
import org.vfioworkbench.ui.files.BuiltInSamples;

/** After an edit the table keeps the rows the edit cannot reach and equals one built anew. */
class OutcomeTableUpdateTest {

  private static final Profile P = Profile.DEFAULT;
  private static final Profile C = Profile.LINUX_5_15;

  @Test
  void anUpdateAfterAReleaseEqualsATableBuiltAnewAndKeepsTheRowsItCannotReach() {
    Analysis a = Releases.released(Analysis.of(BuiltInSamples.largeHost(2_000), P), 0);
    Analysis compare = Analysis.of(a.topology(), C);
    OutcomeTable.Built first = OutcomeTable.update(null, a, compare, () -> false);

    Analysis next = Releases.released(a, a.deviceFds().size() / 2);
    Analysis nextCompare = Analysis.after(compare, next.topology(), C);
    OutcomeTable.Built updated = OutcomeTable.update(first, next, nextCompare, () -> false);

    assertThat(updated.rows()).isEqualTo(OutcomeTable.build(next, nextCompare));
    long kept =
        updated.rows().stream().filter(r -> first.rows().stream().anyMatch(o -> o == r)).count();
    assertThat(kept).isGreaterThan(updated.rows().size() / 2L);
  }

  @Test
  void analysesNotDerivedFromTheLastTablesAreWorkedOutWhole() {
    Analysis a = Analysis.of(BuiltInSamples.largeHost(300), P);
    OutcomeTable.Built first = OutcomeTable.update(null, a, null, () -> false);

    Analysis fresh = Analysis.of(Releases.released(a, 0).topology(), P);
    OutcomeTable.Built updated = OutcomeTable.update(first, fresh, null, () -> false);

    assertThat(updated.rows()).isEqualTo(OutcomeTable.build(fresh, null));
    assertThat(updated.rows()).noneMatch(r -> first.rows().stream().anyMatch(o -> o == r));
  }
}
