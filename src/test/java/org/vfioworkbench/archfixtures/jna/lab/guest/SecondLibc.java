package org.vfioworkbench.archfixtures.jna.lab.guest;

import com.sun.jna.Library;

/** A second libc binding with its own offsets. */
public interface SecondLibc extends Library {
  int ioctl(int fd, long request, Object arg);
}
