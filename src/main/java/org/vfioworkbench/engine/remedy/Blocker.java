package org.vfioworkbench.engine.remedy;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.vfioworkbench.model.Bdf;

/**
 * A function the reset takes along that stands in the way.
 *
 * @param function the function
 * @param group its IOMMU group, empty when it has none
 * @param driver the driver it is bound to ("no driver" when none)
 * @param reasons why it stands in the way, in words
 * @param holders the processes that hold it (a device fd, a cdev, or its group file)
 */
public record Blocker(
    Bdf function,
    OptionalInt group,
    String driver,
    List<String> reasons,
    List<HolderInfo> holders) {

  public Blocker {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(driver, "driver");
    reasons = List.copyOf(reasons);
    holders = List.copyOf(holders);
  }
}
