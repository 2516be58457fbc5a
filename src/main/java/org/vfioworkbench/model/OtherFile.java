package org.vfioworkbench.model;

import java.util.Objects;

/** Any other open file (an eventfd, a regular file, a socket): never proof of anything. */
public record OtherFile(int fd, String description) implements OpenFile {

  public OtherFile {
    Objects.requireNonNull(description, "description");
  }

  @Override
  public String describe() {
    return description;
  }
}
