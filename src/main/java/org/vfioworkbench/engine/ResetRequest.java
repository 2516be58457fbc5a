package org.vfioworkbench.engine;

import java.util.List;

/**
 * The argument of {@code VFIO_DEVICE_PCI_HOT_RESET}: header and fd array.
 *
 * @param argsz the header's argsz
 * @param flags the header's flags (must be 0)
 * @param fds the {@code group_fds} array as far as the caller filled it
 * @param headerCount the header's {@code __u32 count}: normally the length of {@code fds}; a larger
 *     value models a caller that claims more fds than it passed (up to 0xffffffff, which the kernel
 *     refuses before it reads the array)
 */
public record ResetRequest(long argsz, int flags, List<Integer> fds, long headerCount) {

  /** The size of {@code struct vfio_pci_hot_reset} without the array. */
  public static final int HEADER_SIZE = 12;

  /** The largest value of the header's {@code __u32 count}. */
  public static final long MAX_COUNT = 0xffffffffL;

  public ResetRequest {
    fds = List.copyOf(fds);
    if (headerCount < fds.size() || headerCount > MAX_COUNT) {
      throw new IllegalArgumentException(
          "header count "
              + headerCount
              + " must lie between the "
              + fds.size()
              + " fds passed and "
              + MAX_COUNT);
    }
  }

  /** A request whose header count is the number of fds passed. */
  public ResetRequest(long argsz, int flags, List<Integer> fds) {
    this(argsz, flags, fds, fds.size());
  }

  /** A well-formed request carrying these fds (the zero-length form when empty). */
  public static ResetRequest of(List<Integer> fds) {
    return new ResetRequest(HEADER_SIZE + 4L * fds.size(), 0, fds);
  }

  public static ResetRequest empty() {
    return of(List.of());
  }

  /** The same request with the header claiming {@code count} fds. */
  public ResetRequest withHeaderCount(long count) {
    return new ResetRequest(argsz, flags, fds, count);
  }

  /** The number of fds passed in the array. */
  public int count() {
    return fds.size();
  }
}
