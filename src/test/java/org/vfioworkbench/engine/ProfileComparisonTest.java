package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.engine.Fixtures.FN0;
import static org.vfioworkbench.engine.Fixtures.FN1;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Topology;

class ProfileComparisonTest {

  @Test
  void aProfileComparedWithItselfShowsNothing() {
    Topology t = CdevRowsTest.seed();
    for (Profile p : Profile.values()) {
      assertThat(ProfileComparison.compare(t, p, p)).as(p.id()).isEmpty();
    }
  }

  @Test
  void linux66DiffersOnlyInTheShortBufferReplies() {
    Topology t =
        Fixtures.splitVfio().holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A")).build();
    List<ProfileDifference> d = ProfileComparison.compare(t, Profile.LINUX_6_10, Profile.LINUX_6_6);
    assertThat(d)
        .extracting(ProfileDifference::call)
        .allMatch(c -> c.startsWith("INFO vm:4 argsz"));
    assertThat(d)
        .anyMatch(
            x ->
                x.call().equals("INFO vm:4 argsz 12")
                    && x.field().equals("flags")
                    && x.first().equals("0")
                    && x.second().equals("DEV_ID|DEV_ID_OWNED"));
    assertThat(d)
        .anyMatch(x -> x.call().equals("INFO vm:4 argsz 20") && x.field().equals("entries"));
  }

  @Test
  void theDeviceFdReviewProfileTurnsARefusedResetIntoASuccess() {
    Topology t =
        Fixtures.splitVfio()
            .holder(
                "q",
                h ->
                    h.container(3, "c")
                        .group(4, 20, "c")
                        .device(5, FN0)
                        .group(6, 21, "c")
                        .device(7, FN1))
            .build();
    List<ProfileDifference> d =
        ProfileComparison.compare(t, Profile.LINUX_6_10, Profile.REVIEW_DEVICE_FD_PROOF);
    assertThat(d)
        .anyMatch(
            x ->
                x.call().startsWith("HOT_RESET q:5 device fds")
                    && x.field().equals("ret")
                    && x.first().equals("-EINVAL")
                    && x.second().equals("0"));
  }

  @Test
  void anOlderKernelRefusesTheCdevOpensAndAnswersNothingForThem() {
    List<ProfileDifference> d =
        ProfileComparison.compare(CdevRowsTest.seed(), Profile.LINUX_6_10, Profile.LINUX_5_15);
    assertThat(d).anyMatch(x -> x.field().equals("refusals") && x.second().contains("ENOENT"));
    assertThat(d).anyMatch(x -> x.call().equals("INFO vm:4") && x.second().equals("-EBADF"));
  }
}
