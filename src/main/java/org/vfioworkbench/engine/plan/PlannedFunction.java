package org.vfioworkbench.engine.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.vfioworkbench.model.Bdf;

/**
 * One function a plan involves.
 *
 * @param bdf the function
 * @param description its name
 * @param driver the driver it is on now
 * @param group its IOMMU group
 * @param resetDomain its dev-set, or the one it would join on vfio-pci
 * @param roles why it is in the plan
 * @param bridge a bridge: stays on its driver (pcieport keeps the group viable), never passed
 * @param hostUse what the host uses it for now; non-empty means the plan takes it from the host
 * @param heldBy the processes holding it now
 */
public record PlannedFunction(
    Bdf bdf,
    String description,
    String driver,
    OptionalInt group,
    Optional<String> resetDomain,
    Set<Role> roles,
    boolean bridge,
    List<String> hostUse,
    List<String> heldBy) {

  /** Why a function is in the plan. */
  public enum Role {
    /** Asked for. */
    REQUESTED,
    /** Shares an IOMMU group with one asked for: must leave the host's drivers for viability. */
    GROUP_MATE,
    /** Shares a reset domain with one asked for: is reset with it. */
    RESET_MATE
  }

  public PlannedFunction {
    Objects.requireNonNull(bdf, "bdf");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(resetDomain, "resetDomain");
    roles = Set.copyOf(roles);
    hostUse = List.copyOf(hostUse);
    heldBy = List.copyOf(heldBy);
  }

  /** True when the plan takes it away from the host. */
  public boolean takenFromHost() {
    return !hostUse.isEmpty();
  }
}
