package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.engine.Fixtures.FN0;
import static org.vfioworkbench.engine.Fixtures.FN1;
import static org.vfioworkbench.engine.Fixtures.fd;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;

/** Which device fds an ownership change of one function can change the answers of. */
class AffectedFdsTest {

  @Test
  void theFdsWhoseScopeHoldsTheFunctionAndItsOwnAreAffectedOthersAreNot() {
    Topology t =
        Fixtures.splitVfio()
            .function("0000:00:1f.3", f -> f.group(9).vfio())
            .holder("q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
            .holder("p", h -> h.container(3, "d").group(4, 21, "d").device(5, FN1))
            .holder("r", h -> h.container(3, "e").group(4, 9, "e").device(5, "0000:00:1f.3"))
            .build();
    HotResetSimulator sim = Analysis.of(t);

    assertThat(AffectedFds.of(sim, Bdf.parse(FN1))).containsExactly(fd("q", 5), fd("p", 5));
    assertThat(AffectedFds.of(sim, Bdf.parse("0000:00:1f.3"))).containsExactly(fd("r", 5));
  }

  @Test
  void aGroupMateCountsBecauseItsImplicitOwnershipDependsOnTheFunction() {
    Topology t =
        Fixtures.cardOnBus02(20, f -> f.vfio(), 20, f -> f.vfio())
            .function("0000:00:1f.3", f -> f.group(20).vfio())
            .holder("r", h -> h.iommufd(3, "A").cdev(4, FN0, "A"))
            .build();
    HotResetSimulator sim = Analysis.of(t);
    assertThat(AffectedFds.of(sim, Bdf.parse("0000:00:1f.3"))).containsExactly(fd("r", 4));
  }
}
