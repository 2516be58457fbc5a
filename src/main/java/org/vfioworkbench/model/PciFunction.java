package org.vfioworkbench.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

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
 * @param quirksDeclared true when {@code quirks} was stated (a file's {@code quirks}, an edit) and
 *     replaces what the kernel's fixups would derive from the ids; false when the engine derives
 *     the flags from vendor and device id under the profile's kernel release
 * @param vfToken for a PF bound to vfio-pci, the VF token user space set on it ({@code
 *     VFIO_DEVICE_FEATURE_PCI_VF_TOKEN}); empty when none was set
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
    Set<TransientCondition> conditions,
    boolean quirksDeclared,
    Optional<UUID> vfToken) {

  public PciFunction {
    Objects.requireNonNull(bdf, "bdf");
    Objects.requireNonNull(headerType, "headerType");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(iommuGroup, "iommuGroup");
    Objects.requireNonNull(physfn, "physfn");
    quirks = Set.copyOf(quirks);
    conditions = Set.copyOf(conditions);
    Objects.requireNonNull(vfToken, "vfToken");
  }

  /**
   * A function without a VF token whose quirks count as declared when there are any (builders and
   * generators that state flags directly).
   */
  public PciFunction(
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
    this(
        bdf,
        headerType,
        vendorId,
        deviceId,
        classCode,
        description,
        driver,
        iommuGroup,
        physfn,
        quirks,
        conditions,
        !quirks.isEmpty(),
        Optional.empty());
  }

  /** A normal endpoint with no quirks, ids or SR-IOV role: handy for tests and generators. */
  public static PciFunction endpoint(Bdf bdf, Driver driver, OptionalInt group) {
    return new PciFunction(
        bdf, HeaderType.NORMAL, 0, 0, 0, "", driver, group, Optional.empty(), Set.of(), Set.of());
  }

  public boolean isBridge() {
    return headerType == HeaderType.BRIDGE;
  }

  /**
   * Whether its class code makes this one of the chipset's or the processor's own functions, not a
   * device one passes to a VM: a host or ISA bridge (class 06 00, 06 01), a system peripheral (08:
   * DMA engines, I/O APICs, a processor's uncore registers) or a signal processing controller (11:
   * performance counters). A real server carries dozens of these on its root buses. Class code 0
   * (not given, as in most scenario files) is none.
   */
  public boolean isPlatformFunction() {
    int base = classCode >>> 16;
    int sub = (classCode >>> 8) & 0xFF;
    return base == 0x08 || base == 0x11 || base == 0x06 && (sub == 0x00 || sub == 0x01);
  }

  public boolean isVirtfn() {
    return physfn.isPresent();
  }

  public boolean hasQuirk(Quirk quirk) {
    return quirks.contains(quirk);
  }

  public PciFunction withDriver(Driver newDriver) {
    return new PciFunction(
        bdf,
        headerType,
        vendorId,
        deviceId,
        classCode,
        description,
        newDriver,
        iommuGroup,
        physfn,
        quirks,
        conditions,
        quirksDeclared,
        vfToken);
  }

  /** The same function with these quirks stated, replacing what the ids would derive. */
  public PciFunction withQuirks(Set<Quirk> newQuirks) {
    return new PciFunction(
        bdf,
        headerType,
        vendorId,
        deviceId,
        classCode,
        description,
        driver,
        iommuGroup,
        physfn,
        newQuirks,
        conditions,
        true,
        vfToken);
  }

  public PciFunction withConditions(Set<TransientCondition> newConditions) {
    return new PciFunction(
        bdf,
        headerType,
        vendorId,
        deviceId,
        classCode,
        description,
        driver,
        iommuGroup,
        physfn,
        quirks,
        newConditions,
        quirksDeclared,
        vfToken);
  }

  /** The same function with this VF token set (or cleared) on it. */
  public PciFunction withVfToken(Optional<UUID> token) {
    return new PciFunction(
        bdf,
        headerType,
        vendorId,
        deviceId,
        classCode,
        description,
        driver,
        iommuGroup,
        physfn,
        quirks,
        conditions,
        quirksDeclared,
        token);
  }
}
