package org.vfioworkbench.lab;

import java.util.List;

/**
 * A scenario's PCI topology as QEMU devices, or the reasons it cannot be built.
 *
 * @param deviceArgs the {@code -device} values, in order
 * @param functions every scenario function and where it went
 * @param unexpressible what the lab cannot build and why; the layout is usable only when empty
 * @param noIommu boot in no-IOMMU mode ({@code intel_iommu=off vfio.enable_unsafe_noiommu_mode=1})
 * @param freeRootSlot a root-bus slot the scenario does not use, for the lab's own 9p device
 */
public record GuestLayout(
    List<String> deviceArgs,
    List<PlacedFunction> functions,
    List<String> unexpressible,
    boolean noIommu,
    int freeRootSlot) {

  public GuestLayout {
    deviceArgs = List.copyOf(deviceArgs);
    functions = List.copyOf(functions);
    unexpressible = List.copyOf(unexpressible);
  }

  public boolean expressible() {
    return unexpressible.isEmpty();
  }
}
