package org.vfioworkbench.host.fs;

import java.nio.file.FileSystemException;

/**
 * A path below a {@code --root} directory that a symbolic link leads out of the root ({@code
 * sys/devices -> /sys/devices}): not read, so a tree cannot make a scan read the real host.
 */
public final class OutsideRootException extends FileSystemException {

  public OutsideRootException(String path, String resolved) {
    super(path, resolved, "a symbolic link leads outside the root directory");
  }
}
