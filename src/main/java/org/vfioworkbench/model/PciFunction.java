package org.vfioworkbench.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One PCI function.
 *
 * @param bdf its address
 * @param headerType configuration header type; bridges are {@link HeaderType#BRIDGE}
 * @param vendorId PCI vendor id
 * @param deviceId PCI device id
 * @param classCode 24-bit class code
 * @param description a short human name ("HD Audio", "X710 port 1")
 * @param driver the bound driver
 * @param iommuGroup the IOMMU group id, empty when the function has none
 * @param physfn for an SR-IOV VF, its PF; empty otherwise
 * @param quirks PCI flags that change reset behaviour
 * @param conditions passing conditions that make a reset fail transiently
 */
public record PciFunction(
    Bdf bdf,
    HeaderType headerType,
    int vendorId,
    int deviceId,
    int classCode,
    String description,
    Driver driver,
    OptionalInt iommuGroup,
    Optional<Bdf> physfn,
    Set<Quirk> quirks,
    Set<TransientCondition> conditions) {

  public PciFunction {
    Objects.requireNonNull(bdf, "bdf");
    Objects.requireNonNull(headerType, "headerType");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(iommuGroup, "iommuGroup");
    Objects.requireNonNull(physfn, "physfn");
    quirks = Set.copyOf(quirks);
    conditions = Set.copyOf(conditions);
  }

  /** A normal endpoint with no quirks, ids or SR-IOV role: handy for tests and generators. */
  public static PciFunction endpoint(Bdf bdf, Driver driver, OptionalInt group) {
    return new PciFunction(
        bdf, HeaderType.NORMAL, 0, 0, 0, "", driver, group, Optional.empty(), Set.of(), Set.of());
  }

  public boolean isBridge() {
    return headerType == HeaderType.BRIDGE;
  }

  public boolean isVirtfn() {
    return physfn.isPresent();
  }

  public boolean hasQuirk(Quirk quirk) {
    return quirks.contains(quirk);
  }

  public PciFunction withDriver(Driver newDriver) {
    return new PciFunction(
        bdf, headerType, vendorId, deviceId, classCode, description, newDriver, iommuGroup, physfn,
        quirks, conditions);
  }

  public PciFunction withQuirks(Set<Quirk> newQuirks) {
    return new PciFunction(
        bdf, headerType, vendorId, deviceId, classCode, description, driver, iommuGroup, physfn,
        newQuirks, conditions);
  }

  public PciFunction withConditions(Set<TransientCondition> newConditions) {
    return new PciFunction(
        bdf, headerType, vendorId, deviceId, classCode, description, driver, iommuGroup, physfn,
        quirks, newConditions);
  }
}
