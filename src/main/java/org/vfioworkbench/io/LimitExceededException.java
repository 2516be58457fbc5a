package org.vfioworkbench.io;

import java.io.IOException;

/** A file went past one of the {@link Limit}s; the message names the limit and how to raise it. */
public final class LimitExceededException extends IOException {

  private final Limit limit;

  public LimitExceededException(String file, Limit limit) {
    super(file + ": " + limit.exceeded());
    this.limit = limit;
  }

  public Limit limit() {
    return limit;
  }
}
