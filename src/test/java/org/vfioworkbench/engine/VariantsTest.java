package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.engine.Fixtures.FN0;
import static org.vfioworkbench.engine.Fixtures.FN1;
import static org.vfioworkbench.engine.Fixtures.fd;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;

/** The reset constructions the workbench and the CLI try on each device fd. */
class VariantsTest {

  private static ResetVariant variant(Analysis a, FdRef fd, ResetVariant.Kind kind) {
    return a.variants(fd).stream().filter(v -> v.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void theNaturalResetComesFirstAndMatchesThePath() {
    Analysis a = Analysis.of(CdevRowsTest.seed());
    assertThat(a.variants(fd("vm", 4)).get(0).kind()).isEqualTo(ResetVariant.Kind.EMPTY_ARRAY);
    assertThat(a.variants(fd("vm", 7)).get(0).kind()).isEqualTo(ResetVariant.Kind.INFO_GROUPS);
    assertThat(a.variants(fd("vm", 7)).get(0).request().fds()).containsExactly(6);
  }

  @Test
  void everyAffectedGroupOpensTheMissingGroupsFirstAndThenResets() {
    Topology t =
        Fixtures.splitVfio()
            .holder("q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
            .build();
    Analysis a = Analysis.of(t);
    ResetVariant every = variant(a, fd("q", 5), ResetVariant.Kind.EVERY_AFFECTED_GROUP);
    assertThat(every.groupsToOpen()).containsExactly(21);
    assertThat(every.request().fds()).containsExactly(4);
    ResetResult r = a.evaluate(fd("q", 5), every);
    assertThat(r.ret()).isZero();
    assertThat(r.trace().get(0).fact()).contains("what if: q opens group 21 as fd 6");
    assertThat(a.hotReset(fd("q", 5), a.naturalReset(fd("q", 5)).request()).errno())
        .contains(Errno.EINVAL);
  }

  @Test
  void everyAffectedGroupIsRefusedWhenTheMissingGroupCannotBeOpened() {
    Topology t =
        Fixtures.splitVfio()
            .holder("cdev", h -> h.iommufd(3, "A").cdev(4, FN0, "A"))
            .holder("legacy", h -> h.container(3, "c").group(4, 21, "c").device(5, FN1))
            .build();
    Analysis a = Analysis.of(t);
    ResetResult r =
        a.evaluate(
            fd("legacy", 5), variant(a, fd("legacy", 5), ResetVariant.Kind.EVERY_AFFECTED_GROUP));
    assertThat(r.errno()).contains(Errno.EBUSY);
    assertThat(r.trace()).hasSize(1);
    assertThat(r.trace().get(0).toString())
        .contains("first legacy must open group 20")
        .contains("bound through its cdev");
  }

  @Test
  void aGroupWithoutNodeIsNamedButNotOpened() {
    Topology t =
        Fixtures.cardOnBus02(20, f -> f.vfio(), 21, f -> f.nativeDriver("snd_hda_intel"))
            .holder("q", h -> h.container(3, "c").group(4, 20, "c").device(5, FN0))
            .build();
    Analysis a = Analysis.of(t);
    ResetVariant every = variant(a, fd("q", 5), ResetVariant.Kind.EVERY_AFFECTED_GROUP);
    assertThat(every.isHypothetical()).isFalse();
    assertThat(every.description()).contains("groups [21] have no /dev/vfio node");
    assertThat(a.evaluate(fd("q", 5), every).errno()).contains(Errno.EINVAL);
  }

  @Test
  void evaluatingAPlainVariantIsJustTheIoctl() {
    Analysis a = Analysis.of(CdevRowsTest.seed());
    for (ResetVariant v : a.variants(fd("vm", 7))) {
      if (!v.isHypothetical()) {
        assertThat(a.evaluate(fd("vm", 7), v)).isEqualTo(a.hotReset(fd("vm", 7), v.request()));
      }
    }
    assertThat(List.of(ResetVariant.Kind.values()))
        .contains(ResetVariant.Kind.EVERY_AFFECTED_GROUP);
  }
}
