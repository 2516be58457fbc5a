package org.vfioworkbench.host.ioctl;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few libc calls the binding needs (files, ioctl, capabilities). Errors arrive as {@link
 * LastErrorException} (errno).
 */
interface LibC extends Library {

  int O_RDWR = 2;
  int O_CLOEXEC = 0x80000;

  int open(String path, int flags) throws LastErrorException;

  int close(int fd) throws LastErrorException;

  int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

  int ioctl(int fd, NativeLong request, NativeLong arg) throws LastErrorException;

  int geteuid();

  int capget(Pointer header, Pointer data) throws LastErrorException;

  int capset(Pointer header, Pointer data) throws LastErrorException;

  /** Loaded on first use, so nothing native is touched by classes that merely mention it. */
  final class Holder {
    static final LibC INSTANCE = Native.load("c", LibC.class);

    private Holder() {}
  }
}
