package org.vfioworkbench.engine;

import java.util.Objects;

/**
 * A call the kernel would refuse, with the errno it would return.
 *
 * @param subject who made the call ("qemu-vm1 fd 6") or what it was about ("0000:02:00.1")
 * @param call the call, in kernel terms ("open(/dev/vfio/20)", "VFIO_DEVICE_BIND_IOMMUFD")
 * @param errno the error
 * @param reason why, in words, naming the kernel function that decides
 */
public record Refusal(String subject, String call, Errno errno, String reason) {

  public Refusal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(errno, "errno");
    Objects.requireNonNull(reason, "reason");
  }

  /** "-EBUSY: group 20 is open through the legacy interface by qemu-vm1". */
  public String headline() {
    return errno.negated() + ": " + reason;
  }

  @Override
  public String toString() {
    return subject + ": " + call + " → " + headline();
  }
}
