package org.vfioworkbench.engine.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.Releases;
import org.vfioworkbench.engine.SyntheticHost;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.Topology;

/**
 * What depends on the hardware alone (the never-resettable rule) is worked out once per PCI part:
 * an ownership edit keeps it, a driver change works it out anew, and either way the diagnostics
 * equal those of an analysis from nothing.
 */
class DiagnosticsAfterAnEditTest {

  private static Analysis host() {
    return Analysis.of(SyntheticHost.generate(new SyntheticHost.Spec(11, 2_000, 0.4, 40, 0.05)));
  }

  private static void assertSameAsFromNothing(Analysis a) {
    assertThat(Diagnostics.of(a))
        .containsExactlyInAnyOrderElementsOf(
            Diagnostics.of(Analysis.of(a.topology(), a.profile())));
  }

  @Test
  void anOwnershipEditKeepsTheHardwareRulesAnswerAndADriverChangeWorksItOutAnew() {
    Analysis a = host();
    AtomicInteger worked = new AtomicInteger();
    String key = "test.hardware-only";
    a.onPciPart(key, x -> worked.incrementAndGet());

    Analysis released = Releases.released(a, a.deviceFds().size() / 2);
    released.onPciPart(key, x -> worked.incrementAndGet());
    assertThat(worked).hasValue(1);

    Topology unbound =
        new Edit.SetDriver(unopened(released), Driver.NONE)
            .apply(released.topology(), Profile.DEFAULT)
            .orElseThrow();
    Analysis rebound = Analysis.after(released, unbound, Profile.DEFAULT);
    rebound.onPciPart(key, x -> worked.incrementAndGet());
    assertThat(worked).hasValue(2);
  }

  @Test
  void diagnosticsAfterEditsEqualThoseOfAnAnalysisFromNothing() {
    Analysis a = host();
    assertThat(Diagnostics.of(a, Diagnostic.Kind.NEVER_RESETTABLE)).isNotEmpty();
    for (int i = 0; i < 3; i++) {
      a = Releases.released(a, (i * 7) % a.deviceFds().size());
      assertSameAsFromNothing(a);
    }
    Topology unbound =
        new Edit.SetDriver(unopened(a), Driver.NONE)
            .apply(a.topology(), Profile.DEFAULT)
            .orElseThrow();
    assertSameAsFromNothing(Analysis.after(a, unbound, Profile.DEFAULT));
  }

  /** A vfio device nobody has open (its driver can change). */
  private static Bdf unopened(Analysis a) {
    return a.devices().entrySet().stream()
        .filter(e -> !e.getValue().isOpen())
        .map(e -> e.getKey())
        .sorted()
        .findFirst()
        .orElseThrow();
  }
}
