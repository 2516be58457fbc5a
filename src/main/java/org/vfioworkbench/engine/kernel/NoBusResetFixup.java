package org.vfioworkbench.engine.kernel;

import java.util.List;
import java.util.Objects;

/**
 * One {@code DECLARE_PCI_FIXUP_HEADER} in {@code drivers/pci/quirks.c} that sets {@code
 * PCI_DEV_FLAGS_NO_BUS_RESET}, and the releases that carry it.
 *
 * @param vendor the PCI vendor id the fixup is declared for
 * @param device the device id to match after masking ({@code dev->device & mask})
 * @param mask the device-id mask: {@code 0xffff} for an exact id, {@code 0xffc0} for the NVIDIA
 *     family check of {@code quirk_nvidia_no_bus_reset}
 * @param fixup the fixup function in quirks.c
 * @param title the title of the commit that added the entry
 * @param name the devices as the source comment names them
 * @param mainline the first mainline release carrying it ({@link #BEFORE_5_15} when older than
 *     every release the engine models)
 * @param backports the first stable release of each older series known to carry it (e.g. {@code
 *     6.12.117}, the {@code linux-source-6.12} release the table was first checked against)
 */
public record NoBusResetFixup(
    int vendor,
    int device,
    int mask,
    String fixup,
    String title,
    String name,
    KernelRelease mainline,
    List<KernelRelease> backports) {

  /** Marks entries present in every release the engine models (they predate v5.15). */
  public static final KernelRelease BEFORE_5_15 = KernelRelease.of(5, 14, 0);

  public NoBusResetFixup {
    Objects.requireNonNull(fixup, "fixup");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mainline, "mainline");
    backports = List.copyOf(backports);
  }

  /** True when a function with these ids gets the flag from this fixup. */
  public boolean matches(int vendorId, int deviceId) {
    return vendorId == vendor && (deviceId & mask) == device;
  }

  /** True when {@code release} carries this fixup (mainline or a stable backport). */
  public boolean presentIn(KernelRelease release) {
    if (release.atLeast(mainline)) {
      return true;
    }
    return backports.stream().anyMatch(b -> b.sameSeries(release) && release.atLeast(b));
  }

  /** {@code 10de:2340/ffc0} or {@code 1b21:1164}. */
  public String ids() {
    String id = String.format("%04x:%04x", vendor, device);
    return mask == 0xffff ? id : id + "/" + String.format("%04x", mask);
  }

  /** Where the flag comes from, for trace steps: fixup, file and commit title. */
  public String citation() {
    return fixup + " (" + ids() + ", " + name + ") in drivers/pci/quirks.c: \"" + title + "\"";
  }
}
