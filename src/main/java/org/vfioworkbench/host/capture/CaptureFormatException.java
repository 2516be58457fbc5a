package org.vfioworkbench.host.capture;

import java.io.IOException;

/** A capture file that cannot be read: names the file and what is wrong with it. */
public final class CaptureFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  public CaptureFormatException(String file, String problem) {
    super(file + ": " + problem);
  }

  public CaptureFormatException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
