package org.vfioworkbench.engine;

import java.util.Objects;
import org.vfioworkbench.model.Bdf;

/**
 * One {@code struct vfio_pci_dependent_device}.
 *
 * @param bdf the affected function (segment, bus, devfn)
 * @param devIdMode true when {@code id} is a devid (DEV_ID set), false when it is a group id
 * @param id the raw u32 as the kernel wrote it, held in a long: a group id, a devid, {@link
 *     #DEVID_OWNED} (0) or {@link #DEVID_NOT_OWNED} (0xFFFFFFFF)
 */
public record InfoEntry(Bdf bdf, boolean devIdMode, long id) {

  /** {@code VFIO_PCI_DEVID_OWNED}. */
  public static final long DEVID_OWNED = 0L;

  /** {@code VFIO_PCI_DEVID_NOT_OWNED}: -1 as a u32. */
  public static final long DEVID_NOT_OWNED = 0xFFFF_FFFFL;

  public InfoEntry {
    Objects.requireNonNull(bdf, "bdf");
    if (id < 0 || id > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("entry id is a u32: " + id);
    }
  }

  public static InfoEntry group(Bdf bdf, int groupId) {
    return new InfoEntry(bdf, false, groupId);
  }

  public static InfoEntry devid(Bdf bdf, long devid) {
    return new InfoEntry(bdf, true, devid);
  }

  public boolean isNotOwned() {
    return devIdMode && id == DEVID_NOT_OWNED;
  }

  public boolean isOwnedSentinel() {
    return devIdMode && id == DEVID_OWNED;
  }

  /** "group 21", "devid 3", "OWNED" or "NOT_OWNED". */
  public String idLabel() {
    if (!devIdMode) {
      return "group " + id;
    }
    if (id == DEVID_OWNED) {
      return "OWNED";
    }
    if (id == DEVID_NOT_OWNED) {
      return "NOT_OWNED";
    }
    return "devid " + id;
  }
}
