package org.vfioworkbench.model;

import java.util.Objects;

/** A file descriptor in a named holder: the thing an ioctl is called on. */
public record FdRef(String holder, int fd) {

  public FdRef {
    Objects.requireNonNull(holder, "holder");
  }

  @Override
  public String toString() {
    return holder + ":" + fd;
  }
}
