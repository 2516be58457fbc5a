package org.vfioworkbench.lab.guest;

import java.util.List;

/**
 * What the guest found and what the kernel answered, in guest terms (addresses, group numbers and
 * devids as the guest kernel numbered them; the host translates them back).
 *
 * @param kernel {@code uname -r} and version of the guest kernel
 * @param functions every placed function as the guest sees it after binding
 * @param opens the outcome of every planned open
 * @param calls the outcome of every planned call
 * @param error a setup failure that stopped the run, or null
 */
public record GuestReport(
    String kernel,
    List<GuestFunction> functions,
    List<OpenOutcome> opens,
    List<CallOutcome> calls,
    String error) {

  public GuestReport {
    functions = functions == null ? List.of() : List.copyOf(functions);
    opens = opens == null ? List.of() : List.copyOf(opens);
    calls = calls == null ? List.of() : List.copyOf(calls);
  }

  /**
   * A placed function in the guest.
   *
   * @param bdf its scenario address
   * @param guestBdf where the guest enumerated it, or null when the path did not resolve
   * @param ids {@code vendor:device}
   * @param group the guest's IOMMU group number, or -1
   * @param driver the bound driver, or empty
   * @param resetMethod sysfs {@code reset_method} (informational only)
   */
  public record GuestFunction(
      String bdf, String guestBdf, String ids, int group, String driver, String resetMethod) {}

  /**
   * One open.
   *
   * @param holder the holder
   * @param fd the scenario fd
   * @param realFd the guest fd, or -1 when the open failed
   * @param errno 0, or the errno of the first call that failed
   * @param failedCall the call that failed, or null
   * @param devid for a bound cdev, the devid the bind returned, else -1
   */
  public record OpenOutcome(
      String holder, int fd, int realFd, int errno, String failedCall, long devid) {}

  /**
   * One call.
   *
   * @param id the planned call's id
   * @param ret the ioctl's return (0 or -errno)
   * @param errno 0 or the errno
   * @param flags INFO's flags as written back, -1 when the header was not read
   * @param count INFO's count as written back, -1 when the header was not read
   * @param entries INFO's entries (up to count)
   * @param micros how long the call took
   */
  public record CallOutcome(
      String id, int ret, int errno, int flags, int count, List<GuestEntry> entries, long micros) {
    public CallOutcome {
      entries = entries == null ? List.of() : List.copyOf(entries);
    }
  }

  /**
   * One INFO entry.
   *
   * @param guestBdf the address as the guest wrote it
   * @param id the raw u32
   */
  public record GuestEntry(String guestBdf, long id) {}
}
