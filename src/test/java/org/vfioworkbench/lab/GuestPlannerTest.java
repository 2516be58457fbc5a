package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.lab.guest.GuestPlan;

class GuestPlannerTest {

  @Test
  void seedPlanOpensEveryFileInOrderWithItsContextAndMakesExtraOpensLast() {
    LabCase c = LabFixtures.seedCase();
    GuestPlan plan = GuestPlanner.plan(c, QemuMapper.map(c.topology()));

    assertThat(plan.bindOrder()).containsExactly("0000:02:00.0", "0000:02:00.1");
    assertThat(plan.opens())
        .extracting(GuestPlan.PlannedOpen::kind)
        .containsExactly("iommufd", "cdev", "container", "group", "device");
    assertThat(plan.opens().get(1).contextFd()).isEqualTo(3);
    assertThat(plan.opens().get(3).group()).isEqualTo(21);
    assertThat(plan.opens().get(3).contextFd()).isEqualTo(3);
    assertThat(plan.calls()).last().extracting(GuestPlan.PlannedCall::kind).isEqualTo("open");
    assertThat(plan.calls()).hasSize(c.calls().size());
  }
}
