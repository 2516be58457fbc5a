package org.vfioworkbench.lab;

import java.util.List;
import org.vfioworkbench.model.Bdf;

/**
 * Where the lab put one scenario function in the guest.
 *
 * @param bdf the scenario address
 * @param path the devfn on the guest's root bus, then on each secondary bus below it
 * @param want the driver the guest must give it: {@code vfio-pci}, {@code none}, {@code native} or
 *     {@code bridge}
 * @param group the scenario IOMMU group, or -1
 * @param qemuDevice the QEMU device model standing in for it
 */
public record PlacedFunction(
    Bdf bdf, List<Integer> path, String want, int group, String qemuDevice) {

  public PlacedFunction {
    path = List.copyOf(path);
  }
}
