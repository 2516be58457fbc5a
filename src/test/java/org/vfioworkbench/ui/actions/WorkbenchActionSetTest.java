package org.vfioworkbench.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The action registry without a window: ids, definitions, plain text. */
class WorkbenchActionSetTest {

  @Test
  void anActionIsFoundByItsIdAndAnUnknownIdIsNamed() {
    WorkbenchActionSet set = new WorkbenchActionSet();
    int[] runs = {0};
    set.define(ActionIds.COPY, "_Copy", "Shortcut+C", () -> runs[0]++);
    set.get(ActionIds.COPY).handle(null);
    assertThat(runs[0]).isEqualTo(1);
    assertThat(WorkbenchActionSet.idOf(set.get(ActionIds.COPY))).contains(ActionIds.COPY);
    assertThat(set.find(ActionIds.EXPORT_REPORT)).isEmpty();
    assertThatThrownBy(() -> set.get(ActionIds.EXPORT_REPORT))
        .hasMessageContaining(ActionIds.EXPORT_REPORT);
  }

  @Test
  void anIdIsDefinedOnceAndLaterDefinitionsAreAnnounced() {
    WorkbenchActionSet set = new WorkbenchActionSet();
    int[] announced = {0};
    set.onDefined(() -> announced[0]++);
    set.define(ActionIds.DELETE, "_Delete", "Delete", () -> {});
    assertThat(announced[0]).isEqualTo(1);
    assertThatThrownBy(() -> set.define(ActionIds.DELETE, "x", null, () -> {}))
        .hasMessageContaining("defined twice");
  }

  @Test
  void plainTextDropsMnemonicMarksButKeepsADoubledUnderscore() {
    assertThat(WorkbenchActionSet.plainText("Save _As\u2026")).isEqualTo("Save As\u2026");
    assertThat(WorkbenchActionSet.plainText("NO__BUS")).isEqualTo("NO_BUS");
  }
}
