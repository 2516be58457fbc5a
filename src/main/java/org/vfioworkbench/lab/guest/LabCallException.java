package org.vfioworkbench.lab.guest;

/** A VFIO or iommufd call in the lab guest failed with an errno. */
public final class LabCallException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String call;
  private final int errno;

  public LabCallException(String call, int errno) {
    super(call + " failed: errno " + errno);
    this.call = call;
    this.errno = errno;
  }

  public String call() {
    return call;
  }

  public int errno() {
    return errno;
  }
}
