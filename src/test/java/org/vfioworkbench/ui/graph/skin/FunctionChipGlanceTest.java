package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;

/** The short words a collapsed subtree's chip says when zoomed out, and what they must not say. */
class FunctionChipGlanceTest {

  private static FunctionNode summary(String... blockedScopes) {
    return CollapsedChips.summary(new Box(0, 0, 60, 20), blockedScopes);
  }

  @Test
  void aBlockedBusReadsAsItsNumber() {
    assertThat(FunctionChipSkin.glanceWords(summary("bus 14", "slot s0-9")))
        .containsExactly("\u2718 bus 14 +1", "\u2718 bus 14", "\u2718 14");
  }

  @Test
  void aFunctionWithNoResetNeverShortensToItsBusNumberWhichReadsAsABlockedBus() {
    FunctionNode n = summary("no reset for 14:00.6");

    assertThat(FunctionChipSkin.glanceWords(n)).contains("\u2718 14:00.6");
    assertThat(FunctionChipSkin.glanceLastResort(n))
        .containsExactly("\u2718 14:00", "\u2718 dev", "\u2718")
        .doesNotContain("\u2718 14");
  }

  @Test
  void aGroupNotViableShortensToAnAbbreviationBeforeTheCrossAlone() {
    FunctionNode n = CollapsedChips.notViable(new Box(0, 0, 60, 20));

    assertThat(FunctionChipSkin.glanceWords(n)).containsExactly("\u2718 not viable");
    assertThat(FunctionChipSkin.glanceLastResort(n))
        .containsExactly("\u2718 group", "\u2718 grp", "\u2718");
  }

  @Test
  void aSlotShortensToItsKind() {
    assertThat(FunctionChipSkin.glanceLastResort(summary("slot s0-69")))
        .containsExactly("\u2718 slot", "\u2718");
  }
}
