package org.vfioworkbench.host.ioctl;

/** A failed system call: which one, on what, and the errno the kernel returned. */
public final class VfioCallException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String call;
  private final int errno;

  public VfioCallException(String call, int errno) {
    super(call + " failed: " + ErrnoNames.describe(errno));
    this.call = call;
    this.errno = errno;
  }

  public String call() {
    return call;
  }

  public int errno() {
    return errno;
  }

  /** "-EINVAL", as the engine labels returns. */
  public String retLabel() {
    return "-" + ErrnoNames.name(errno);
  }
}
