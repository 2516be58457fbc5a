package org.vfioworkbench.ui.graph.skin;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;
import org.vfioworkbench.ui.graph.GraphModel.Summary;

/** Collapsed subtrees as the layout gives them, for the skins' tests. */
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
    return new FunctionNode(
        Bdf.parse("0000:10:00.0"),
        box,
        "bridge",
        "pcieport",
        DriverKind.values()[0],
        true,
        OptionalInt.empty(),
        false,
        false,
        Optional.of(new Summary(12, 3, List.of(), blocked, notViable, blockedScopes)));
  }
}
