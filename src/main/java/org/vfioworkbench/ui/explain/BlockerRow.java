package org.vfioworkbench.ui.explain;

import java.util.Objects;

/**
 * One function in the way, as the view's table shows it.
 *
 * @param function its address
 * @param group its IOMMU group ("none" when it has none)
 * @param driver the driver it is on
 * @param why why it is in the way
 * @param holders who holds it: name, pid, VM name
 */
public record BlockerRow(String function, String group, String driver, String why, String holders) {

  public BlockerRow {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(holders, "holders");
  }
}
