package org.vfioworkbench.io;

import java.nio.file.FileSystemException;

/**
 * A path that is a FIFO, a device node, a socket or a directory where a regular file is read:
 * refused before opening, since opening a FIFO blocks and reading a device may never end.
 */
public final class NotRegularFileException extends FileSystemException {

  public NotRegularFileException(String file, String kind) {
    super(file, null, "is " + kind + ", not a regular file");
  }
}
