package org.vfioworkbench.engine;

import java.util.List;

/**
 * The argument of {@code VFIO_DEVICE_PCI_HOT_RESET}: header and fd array.
 *
 * @param argsz the header's argsz
 * @param flags the header's flags (must be 0)
 * @param fds the {@code group_fds} array; its length is the header's count
 */
public record ResetRequest(long argsz, int flags, List<Integer> fds) {

  /** The size of {@code struct vfio_pci_hot_reset} without the array. */
  public static final int HEADER_SIZE = 12;

  public ResetRequest {
    fds = List.copyOf(fds);
  }

  /** A well-formed request carrying these fds (the zero-length form when empty). */
  public static ResetRequest of(List<Integer> fds) {
    return new ResetRequest(HEADER_SIZE + 4L * fds.size(), 0, fds);
  }

  public static ResetRequest empty() {
    return of(List.of());
  }

  public int count() {
    return fds.size();
  }
}
