package org.vfioworkbench.ui.graph.skin;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;
import org.vfioworkbench.ui.graph.GraphModel.Summary;

/** Bridges' chips as the layout gives them, collapsed or not, for the skins' tests. */
final class CollapsedChips {

  private CollapsedChips() {}

  /**
   * The bridge 0000:10:00.0 collapsed in {@code box}: 12 functions in 3 groups below it, blocked in
   * the scopes {@code blockedScopes}.
   */
  static FunctionNode summary(Box box, String... blockedScopes) {
    return collapsed(box, blockedScopes.length > 0, false, List.of(blockedScopes));
  }

  /** The same bridge with nothing blocked below it but a group that is not viable. */
  static FunctionNode notViable(Box box) {
    return collapsed(box, false, true, List.of());
  }

  private static FunctionNode collapsed(
      Box box, boolean blocked, boolean notViable, List<String> blockedScopes) {
    return bridge(
        "0000:10:00.0",
        box,
        Optional.of(new Summary(12, 3, List.of(), blocked, notViable, blockedScopes)));
  }

  /** The bridge {@code bdf} in {@code box}, its subtree drawn (no summary). */
  static FunctionNode expanded(String bdf, Box box) {
    return bridge(bdf, box, Optional.empty());
  }

  private static FunctionNode bridge(String bdf, Box box, Optional<Summary> summary) {
    return new FunctionNode(
        Bdf.parse(bdf),
        box,
        "bridge",
        "pcieport",
        DriverKind.values()[0],
        true,
        OptionalInt.empty(),
        false,
        false,
        summary);
  }
}
