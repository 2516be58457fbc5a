package org.vfioworkbench.engine.consumer;

import java.util.List;
import java.util.Objects;
import org.vfioworkbench.model.Bdf;

/**
 * What libvirt's {@code virPCIDeviceReset} does with one device.
 *
 * @param device the function
 * @param succeeded whether it returns 0 (a skip counts: vfio-pci resets the device itself)
 * @param steps what it did, in words
 * @param error the error it reports, as users see it; empty on success
 * @param reset the functions a secondary bus reset took along (empty for other outcomes)
 */
public record LibvirtOutcome(
    Bdf device,
    boolean succeeded,
    List<String> steps,
    java.util.Optional<String> error,
    List<Bdf> reset) {

  public LibvirtOutcome {
    Objects.requireNonNull(device, "device");
    steps = List.copyOf(steps);
    Objects.requireNonNull(error, "error");
    reset = List.copyOf(reset);
  }
}
