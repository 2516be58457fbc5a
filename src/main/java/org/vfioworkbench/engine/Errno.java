package org.vfioworkbench.engine;

import java.util.Arrays;
import java.util.Optional;

/** The Linux errno values the VFIO hot-reset paths return (x86-64 numbering). */
public enum Errno {
  EPERM(1, "Operation not permitted"),
  ENOENT(2, "No such file or directory"),
  ESRCH(3, "No such process"),
  EIO(5, "Input/output error"),
  EBADF(9, "Bad file descriptor"),
  EAGAIN(11, "Resource temporarily unavailable"),
  ENOMEM(12, "Cannot allocate memory"),
  EACCES(13, "Permission denied"),
  EFAULT(14, "Bad address"),
  EBUSY(16, "Device or resource busy"),
  EEXIST(17, "File exists"),
  ENODEV(19, "No such device"),
  EINVAL(22, "Invalid argument"),
  ENOTTY(25, "Inappropriate ioctl for device"),
  ENOSPC(28, "No space left on device"),
  ERANGE(34, "Numerical result out of range"),
  EBADFD(77, "File descriptor in bad state");

  private final int number;
  private final String message;

  Errno(int number, String message) {
    this.number = number;
    this.message = message;
  }

  /** The positive errno number. */
  public int number() {
    return number;
  }

  /** What an ioctl returns for this error: {@code -number}. */
  public int ret() {
    return -number;
  }

  /** The strerror text. */
  public String message() {
    return message;
  }

  public static Optional<Errno> ofNumber(int number) {
    int n = Math.abs(number);
    return Arrays.stream(values()).filter(e -> e.number == n).findFirst();
  }

  /** {@code -EINVAL}, the way kernel people write it. */
  public String negated() {
    return "-" + name();
  }
}
