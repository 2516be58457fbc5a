package org.vfioworkbench.host.ioctl;

import java.util.Optional;
import org.vfioworkbench.engine.Errno;

/** errno numbers as names, using the engine's table and falling back to the number. */
final class ErrnoNames {

  private ErrnoNames() {}

  static String name(int errno) {
    return errno(errno).map(Errno::name).orElse("errno " + errno);
  }

  static String describe(int errno) {
    return errno(errno).map(e -> e.name() + " (" + e.message() + ")").orElse("errno " + errno);
  }

  static Optional<Errno> errno(int number) {
    return Errno.ofNumber(number);
  }
}
